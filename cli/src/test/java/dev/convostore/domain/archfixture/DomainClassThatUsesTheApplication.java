package dev.convostore.domain.archfixture;

import dev.convostore.application.port.in.HistoryRequest;

/**
 * A deliberately bad domain class (test fixture only): it depends on the application layer, which
 * the architecture rules must reject.
 */
public final class DomainClassThatUsesTheApplication {

  public HistoryRequest window() {
    return HistoryRequest.last(10);
  }
}
