package dev.convostore.application.contract;

import dev.convostore.application.port.out.ContextItemRepository;
import dev.convostore.application.port.out.ConversationRepository;
import dev.convostore.application.port.out.MessageRepository;
import dev.convostore.application.port.out.RetentionRepository;
import dev.convostore.application.port.out.Storage;

/**
 * A storage that, once closed, also removes what a test made for it (a file, a schema): adapters'
 * tests return it from {@link StoreContract#openStorage()}.
 *
 * @param storage the storage under test
 * @param cleanUp what to run after the storage has closed
 */
public record CleanedUpStorage(Storage storage, Runnable cleanUp) implements Storage {

  @Override
  public ConversationRepository conversations() {
    return storage.conversations();
  }

  @Override
  public MessageRepository messages() {
    return storage.messages();
  }

  @Override
  public ContextItemRepository contextItems() {
    return storage.contextItems();
  }

  @Override
  public RetentionRepository retention() {
    return storage.retention();
  }

  @Override
  public void close() {
    storage.close();
    cleanUp.run();
  }
}
