package dev.convostore.benchmarks;

import dev.convostore.application.port.in.ImportMode;
import dev.convostore.application.port.in.ListConversations;
import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.UserId;

/** The jobs through convostore's public API, on any adapter. */
final class ConvostoreSide implements Side {

  final ConvoStore store;

  ConvostoreSide(String url) {
    store = ConvoStore.open(url);
  }

  @Override
  public void load(Dataset data) {
    store.transfer().importAll(data.snapshots(), ImportMode.NEVER_BACKWARDS);
  }

  @Override
  public void append(Dataset.Plan conversation, int n) {
    store.messages().append(conversation.owner(), conversation.id(), NewMessage.user(Dataset.appended(n)));
  }

  @Override
  public int history(Dataset.Plan conversation) {
    return store.history().history(conversation.owner(), conversation.id(), HistoryRequest.last(20)).size();
  }

  @Override
  public int list(UserId owner) {
    return store.conversations().list(ListConversations.of(owner, 20)).conversations().size();
  }

  @Override
  public int search(UserId owner, String query) {
    return store.history().search(owner, query, 20).size();
  }

  @Override
  public void close() {
    store.close();
  }
}
