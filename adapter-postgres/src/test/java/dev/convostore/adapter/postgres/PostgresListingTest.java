package dev.convostore.adapter.postgres;

import dev.convostore.application.contract.ListingContract;
import dev.convostore.application.port.out.Storage;

class PostgresListingTest extends ListingContract {

  @Override
  protected Storage openStorage() {
    return TestPostgres.open();
  }
}
