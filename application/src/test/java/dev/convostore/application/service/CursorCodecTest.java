package dev.convostore.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.convostore.application.port.out.ConversationCursor;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ValidationException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CursorCodecTest {

  @Test
  void roundTripsAtMicrosecondPrecisionBeforeAndAfterTheEpoch() {
    for (String instant : new String[] {"2026-03-01T09:00:00.123456Z", "1969-12-31T23:59:59.999999Z", "0001-01-01T00:00:00Z"}) {
      ConversationCursor cursor = new ConversationCursor(Instant.parse(instant), ConversationId.newId());
      assertEquals(cursor, CursorCodec.decode(CursorCodec.encode(cursor)));
    }
  }

  @Test
  void garbageIsRejectedNamingTheCursor() {
    for (String garbage : new String[] {"", "c1.", "c1.bm9wZQ", "x1.AAAA", "c1.MTIzOm5vdC1hLXV1aWQ"}) {
      assertEquals("cursor", assertThrows(ValidationException.class, () -> CursorCodec.decode(garbage)).field());
    }
  }
}
