package dev.convostore.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void newIdsAreVersion7AndStrictlyIncreasing() {
    List<MessageId> ids = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(MessageId.newId());
    }
    for (int i = 1; i < ids.size(); i++) {
      assertTrue(ids.get(i - 1).compareTo(ids.get(i)) < 0, "ids made later sort later");
    }
    assertEquals(ids.size(), new HashSet<>(ids).size());
    assertEquals(7, ids.get(0).value().version());
    assertEquals(2, ids.get(0).value().variant());
  }

  @Test
  void idsCarryTheirCreationTime() {
    long before = System.currentTimeMillis();
    UUID id = ConversationId.newId().value();
    long millis = id.getMostSignificantBits() >>> 16;
    assertTrue(millis >= before && millis <= System.currentTimeMillis() + 1);
  }

  @Test
  void parseAcceptsOnlyCanonicalUuids() {
    ConversationId id = ConversationId.newId();
    assertEquals(id, ConversationId.parse(id.toString()));
    assertEquals("conversationId", assertThrows(ValidationException.class, () -> ConversationId.parse("1-2-3-4-5")).field());
    assertThrows(ValidationException.class, () -> MessageId.parse("not a uuid"));
    assertThrows(ValidationException.class, () -> ContextItemId.parse(null));
  }

  @Test
  void orderingIsUnsignedLikeDatabases() {
    ConversationId low = new ConversationId(UUID.fromString("7fffffff-0000-7000-8000-000000000000"));
    ConversationId high = new ConversationId(UUID.fromString("80000000-0000-7000-8000-000000000000"));
    assertTrue(low.compareTo(high) < 0);
  }

  @Test
  void userIdsAreValidated() {
    assertEquals("userId", assertThrows(ValidationException.class, () -> UserId.of("")).field());
    assertThrows(ValidationException.class, () -> UserId.of("   "));
    assertThrows(ValidationException.class, () -> UserId.of("x".repeat(256)));
    assertThrows(ValidationException.class, () -> UserId.of("tab\there"));
    assertEquals(" spaced ", UserId.of(" spaced ").value());
    assertEquals("x".repeat(255), UserId.of("x".repeat(255)).value());
  }
}
