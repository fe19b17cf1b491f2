package dev.convostore.integration.springai;

import dev.convostore.integration.IntegrationArchitecture;
import org.junit.jupiter.api.Test;

/** The integration uses convostore's public API only: no adapter, no SQL layer, no service class. */
class ArchitectureTest {

  @Test
  void theIntegrationUsesThePublicApiOnly() {
    IntegrationArchitecture.USES_THE_PUBLIC_API_ONLY.check(IntegrationArchitecture.mainClasses());
  }
}
