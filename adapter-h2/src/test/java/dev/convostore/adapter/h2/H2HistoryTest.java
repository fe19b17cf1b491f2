package dev.convostore.adapter.h2;

import dev.convostore.application.contract.HistoryContract;
import dev.convostore.application.port.out.Storage;

class H2HistoryTest extends HistoryContract {

  @Override
  protected Storage openStorage() {
    return TestH2.file();
  }
}
