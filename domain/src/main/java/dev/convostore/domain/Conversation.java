package dev.convostore.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A conversation between a user of the host application and an assistant.
 *
 * @param id identifies the conversation
 * @param owner the user who owns it; every other user is told it does not exist
 * @param title 1..255 characters after trimming; when absent, the first user message names it (a
 *     generated title is at most 60 characters)
 * @param active false once the conversation has been deactivated (kept, but no longer current)
 * @param createdAt when it was started
 * @param updatedAt the last activity: a message appended or an attribute changed
 * @param messageCount how many messages it holds now
 * @param lastSequence the sequence number of the last message ever appended; the next message
 *     gets {@code lastSequence + 1}. Numbers are never reused, even after retention removed
 *     messages, so it can be larger than {@code messageCount}.
 * @param metadata the host's own data about the conversation
 * @param agentState the agent's working state
 * @param version counts changes to the attributes (title, active flag, metadata, agent state)
 *     and redactions of its messages, starting at 1, for optimistic concurrency. Appending
 *     messages does not change it; appends have their own check, the expected last sequence.
 */
public record Conversation(
    ConversationId id,
    UserId owner,
    Optional<String> title,
    boolean active,
    Instant createdAt,
    Instant updatedAt,
    long messageCount,
    long lastSequence,
    JsonObject metadata,
    AgentState agentState,
    long version) {

  /** Longest title, after trimming. */
  public static final int MAX_TITLE_LENGTH = 255;

  /** Generated titles are cut at a word boundary near this length. */
  static final int GENERATED_TITLE_LENGTH = 60;

  /** Runs of Unicode spaces and control characters, which a generated title folds into one space. */
  private static final Pattern BLANKS = Pattern.compile("(?U)[\\s\\p{Cc}]+");

  /** Validates and normalizes every component. */
  public Conversation {
    Checks.present("id", id);
    Checks.present("owner", owner);
    title = Checks.optionalName("title", title, MAX_TITLE_LENGTH);
    createdAt = Checks.instant("createdAt", createdAt);
    updatedAt = Checks.instant("updatedAt", updatedAt);
    if (updatedAt.isBefore(createdAt)) {
      throw new ValidationException("updatedAt", "must not be before createdAt");
    }
    Checks.nonNegative("messageCount", messageCount);
    Checks.nonNegative("lastSequence", lastSequence);
    if (messageCount > lastSequence) {
      throw new ValidationException("messageCount", "must not exceed lastSequence");
    }
    Checks.present("metadata", metadata);
    Checks.present("agentState", agentState);
    Checks.version(version);
  }

  /** A new, empty, active conversation at version 1. */
  public static Conversation start(
      ConversationId id, UserId owner, Optional<String> title, JsonObject metadata, Instant now) {
    return new Conversation(
        id, owner, title, true, now, now, 0, 0, metadata, AgentState.initial(), 1);
  }

  /** Where this conversation stands (see {@link ConversationRevision}). */
  public ConversationRevision revision() {
    return new ConversationRevision(createdAt, lastSequence, version);
  }

  /** This conversation with a new title. */
  public Conversation renamed(String newTitle, Instant now) {
    return changed(Optional.of(newTitle), active, metadata, agentState, now);
  }

  /** This conversation marked active or inactive. */
  public Conversation withActive(boolean newActive, Instant now) {
    return changed(title, newActive, metadata, agentState, now);
  }

  /** This conversation with new metadata. */
  public Conversation withMetadata(JsonObject newMetadata, Instant now) {
    return changed(title, active, newMetadata, agentState, now);
  }

  /** This conversation with a new agent state. */
  public Conversation withAgentState(AgentState newState, Instant now) {
    return changed(title, active, metadata, newState, now);
  }

  /**
   * This conversation after {@code appended} messages were appended at {@code at}: counts raised,
   * activity moved forward, and the title taken from {@code titleIfUntitled} if it had none.
   */
  public Conversation afterAppend(int appended, Instant at, Optional<String> titleIfUntitled) {
    Instant activity = at.isAfter(updatedAt) ? at : updatedAt;
    return new Conversation(
        id, owner, title.or(() -> titleIfUntitled), active, createdAt, activity,
        messageCount + appended, lastSequence + appended, metadata, agentState, version);
  }

  /**
   * This conversation after one of its messages was redacted: what it holds changed, so its
   * version is raised (a reader that keeps what it read sees it must read again); no activity.
   */
  public Conversation afterRedaction() {
    return new Conversation(id, owner, title, active, createdAt, updatedAt, messageCount, lastSequence, metadata,
        agentState, version + 1);
  }

  private Conversation changed(
      Optional<String> newTitle, boolean newActive, JsonObject newMetadata, AgentState newState, Instant now) {
    Instant activity = now.isAfter(updatedAt) ? now : updatedAt;
    return new Conversation(
        id, owner, newTitle, newActive, createdAt, activity, messageCount, lastSequence,
        newMetadata, newState, version + 1);
  }

  /**
   * The title given to an untitled conversation by its first user message: the text on one line,
   * cut at a word boundary near 60 characters, with an ellipsis when cut.
   */
  public static String titleFrom(String firstUserMessage) {
    // The title needs only the start of a message, however long the message is.
    int end = Math.min(firstUserMessage.length(), 20 * GENERATED_TITLE_LENGTH);
    if (end > 0 && Character.isHighSurrogate(firstUserMessage.charAt(end - 1))) {
      end--;
    }
    String line = BLANKS.matcher(firstUserMessage.substring(0, end)).replaceAll(" ").strip();
    if (line.length() <= GENERATED_TITLE_LENGTH) {
      return line;
    }
    int cut = line.lastIndexOf(' ', GENERATED_TITLE_LENGTH);
    if (cut < GENERATED_TITLE_LENGTH / 2) {
      cut = GENERATED_TITLE_LENGTH;
      if (Character.isHighSurrogate(line.charAt(cut - 1))) {
        cut--;
      }
    }
    return line.substring(0, cut).strip() + "…";
  }
}
