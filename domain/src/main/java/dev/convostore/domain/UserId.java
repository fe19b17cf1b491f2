package dev.convostore.domain;

/**
 * The user of the host application who owns conversations: an opaque string of 1..255 characters
 * chosen by the host. convostore keeps no table of users and no foreign key to the host's.
 */
public record UserId(String value) {

  /** Longest accepted user id. */
  public static final int MAX_LENGTH = 255;

  /** Rejects blank, oversize and unstorable ids; the value is kept exactly as given. */
  public UserId {
    Checks.text("userId", value, 1, MAX_LENGTH);
    if (value.isBlank()) {
      throw new ValidationException("userId", "must not be blank");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new ValidationException("userId", "must not contain control characters");
    }
  }

  /** Shorthand for {@code new UserId(value)}. */
  public static UserId of(String value) {
    return new UserId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
