package dev.convostore.adapter.sqlite;

import dev.convostore.application.contract.ListingContract;
import dev.convostore.application.port.out.Storage;

class SqliteEncryptedListingTest extends ListingContract {

  private final TestDatabases databases = new TestDatabases();

  @Override
  protected Storage openStorage() {
    return TestDatabases.CONTENT_KEYS.protect(databases.open());
  }
}
