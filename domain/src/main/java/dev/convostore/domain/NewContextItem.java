package dev.convostore.domain;

import java.util.Optional;

/**
 * What a context item holds: everything but its id, conversation and time.
 *
 * @param source where it came from
 * @param content its text, not blank
 * @param relevance how relevant the retriever found it, in [0, 1]
 * @param contextType the host's classification of the item (1..100 characters)
 * @param originalRole the role of the message it was taken from
 * @param focusArea the focus area it belongs to (1..200 characters)
 * @param preferenceType the kind of user preference it records (1..100 characters)
 * @param metadata the host's own data about the item
 */
public record NewContextItem(
    ContextSource source,
    String content,
    double relevance,
    Optional<String> contextType,
    Optional<MessageRole> originalRole,
    Optional<String> focusArea,
    Optional<String> preferenceType,
    JsonObject metadata) {

  /** Longest context type and preference type. */
  public static final int MAX_TYPE_LENGTH = 100;

  /** Validates every component. */
  public NewContextItem {
    Checks.present("source", source);
    Checks.nonBlankText("content", content, Integer.MAX_VALUE);
    if (!(relevance >= 0.0 && relevance <= 1.0)) { // also rejects NaN
      throw new ValidationException("relevance", "must be a number from 0 to 1");
    }
    relevance += 0.0; // -0.0 becomes 0.0, so equal items compare equal
    contextType = Checks.optionalName("contextType", contextType, MAX_TYPE_LENGTH);
    Checks.present("originalRole", originalRole);
    focusArea = Checks.optionalName("focusArea", focusArea, AgentState.MAX_FOCUS_AREA_LENGTH);
    preferenceType = Checks.optionalName("preferenceType", preferenceType, MAX_TYPE_LENGTH);
    Checks.present("metadata", metadata);
  }

  /** An item with only the required parts. */
  public static NewContextItem of(ContextSource source, String content, double relevance) {
    return new NewContextItem(
        source, content, relevance, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), JsonObject.empty());
  }

  /** This item with a context type. */
  public NewContextItem withContextType(String type) {
    return new NewContextItem(
        source, content, relevance, Optional.of(type), originalRole, focusArea, preferenceType, metadata);
  }

  /** This item with the role of the message it was taken from. */
  public NewContextItem withOriginalRole(MessageRole role) {
    return new NewContextItem(
        source, content, relevance, contextType, Optional.of(role), focusArea, preferenceType, metadata);
  }

  /** This item with a focus area. */
  public NewContextItem withFocusArea(String area) {
    return new NewContextItem(
        source, content, relevance, contextType, originalRole, Optional.of(area), preferenceType, metadata);
  }

  /** This item with a preference type. */
  public NewContextItem withPreferenceType(String type) {
    return new NewContextItem(
        source, content, relevance, contextType, originalRole, focusArea, Optional.of(type), metadata);
  }

  /** This item with metadata. */
  public NewContextItem withMetadata(JsonObject newMetadata) {
    return new NewContextItem(
        source, content, relevance, contextType, originalRole, focusArea, preferenceType, newMetadata);
  }
}
