package dev.convostore.domain.archfixture;

import dev.convostore.application.port.in.StartConversation;
import dev.convostore.domain.UserId;

/**
 * A deliberately bad domain class (test fixture only): it depends on the application layer, which
 * the architecture rules must reject.
 */
public final class DomainClassThatUsesTheApplication {

  public StartConversation command() {
    return StartConversation.by(UserId.of("someone"));
  }
}
