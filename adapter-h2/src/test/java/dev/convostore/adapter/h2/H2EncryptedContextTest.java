package dev.convostore.adapter.h2;

import dev.convostore.application.contract.ContextContract;
import dev.convostore.application.port.out.Storage;

/** The contract over encrypted content, on a named in-memory database. */
class H2EncryptedContextTest extends ContextContract {

  @Override
  protected Storage openStorage() {
    return TestH2.CONTENT_KEYS.protect(TestH2.memory());
  }
}
