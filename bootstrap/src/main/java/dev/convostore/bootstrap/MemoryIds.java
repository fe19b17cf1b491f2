package dev.convostore.bootstrap;

import dev.convostore.domain.ConversationId;
import dev.convostore.domain.UserId;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** How a chat framework's memory ids name convostore conversations: the same one every time. */
public final class MemoryIds {

  private MemoryIds() {}

  /**
   * A name-based UUID of the framework, the user and the memory id, so that neither two
   * frameworks nor two users ever share a conversation.
   */
  public static ConversationId conversationId(String framework, UserId user, String memoryId) {
    String name = "convostore-" + framework + "\u0000" + user.value() + "\u0000" + memoryId;
    return new ConversationId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
  }
}
