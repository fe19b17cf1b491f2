package dev.convostore.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.convostore.application.port.out.ConversationCursor;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationOrder;
import dev.convostore.domain.UserId;
import dev.convostore.domain.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CursorCodecTest {

  private static final UserId ALICE = UserId.of("alice");
  private static final ConversationOrder ACTIVITY = ConversationOrder.LAST_ACTIVITY;
  private final CursorCodec codec = new CursorCodec("a secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8));

  @Test
  void roundTripsAtMicrosecondPrecisionBeforeAndAfterTheEpoch() {
    for (String instant : new String[] {"2026-03-01T09:00:00.123456Z", "1969-12-31T23:59:59.999999Z", "0001-01-01T00:00:00Z"}) {
      ConversationCursor cursor = new ConversationCursor(Instant.parse(instant), ConversationId.newId());
      assertEquals(cursor, codec.decode(ALICE, ACTIVITY, codec.encode(ALICE, ACTIVITY, cursor)));
    }
  }

  @Test
  void garbageIsRejectedNamingTheCursor() {
    for (String garbage : new String[] {"", "c2.", "c2..", "c2.bm9wZQ", "x1.AAAA", "c2.MTIzOm5vdC1hLXV1aWQ.AAAA", "c2.!!.!!"}) {
      assertEquals("cursor", assertThrows(ValidationException.class, () -> codec.decode(ALICE, ACTIVITY, garbage)).field());
    }
  }

  @Test
  void aCursorWithAnAlteredPositionIsRefused() {
    ConversationCursor cursor = new ConversationCursor(Instant.parse("2026-03-01T09:00:00Z"), ConversationId.newId());
    String issued = codec.encode(ALICE, ACTIVITY, cursor);
    String tag = issued.substring(issued.lastIndexOf('.'));
    String forgedPosition = Base64.getUrlEncoder().withoutPadding().encodeToString(
        ("1772355600000001:" + cursor.id()).getBytes(StandardCharsets.UTF_8));
    assertRefused(() -> codec.decode(ALICE, ACTIVITY, "c2." + forgedPosition + tag));
  }

  @Test
  void aCursorIssuedToAnotherUserOrUnderAnotherSecretIsRefused() {
    ConversationCursor cursor = new ConversationCursor(Instant.parse("2026-03-01T09:00:00Z"), ConversationId.newId());
    String issued = codec.encode(ALICE, ACTIVITY, cursor);
    assertRefused(() -> codec.decode(UserId.of("bob"), ACTIVITY, issued));
    CursorCodec otherStore = new CursorCodec("another secret of thirty-two bytes!".getBytes(StandardCharsets.UTF_8));
    assertRefused(() -> otherStore.decode(ALICE, ACTIVITY, issued));
    assertNotEquals(issued, otherStore.encode(ALICE, ACTIVITY, cursor));
  }

  @Test
  void aCursorContinuesOnlyTheOrderThatIssuedIt() {
    ConversationCursor cursor = new ConversationCursor(Instant.parse("2026-03-01T09:00:00.5Z"), ConversationId.newId());
    String byCreation = codec.encode(ALICE, ConversationOrder.CREATION, cursor);
    assertEquals(cursor, codec.decode(ALICE, ConversationOrder.CREATION, byCreation));
    assertEquals("cursor continues a listing in another order",
        assertThrows(ValidationException.class, () -> codec.decode(ALICE, ACTIVITY, byCreation)).getMessage());
    String byActivity = codec.encode(ALICE, ACTIVITY, cursor);
    assertThrows(ValidationException.class, () -> codec.decode(ALICE, ConversationOrder.CREATION, byActivity));
  }

  private static void assertRefused(org.junit.jupiter.api.function.Executable decode) {
    ValidationException error = assertThrows(ValidationException.class, decode);
    assertEquals("cursor", error.field());
    assertEquals("cursor is not a cursor this store issued to this user", error.getMessage());
  }
}
