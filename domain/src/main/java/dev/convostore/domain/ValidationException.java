package dev.convostore.domain;

/** An input value broke an invariant. {@link #field()} names the offending field. */
public final class ValidationException extends ConvostoreException {

  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * @param field the name of the offending field, as the caller knows it (for example {@code
   *     "title"} or {@code "toolCalls[1].name"})
   * @param problem what is wrong with it, phrased to follow the field name
   */
  public ValidationException(String field, String problem) {
    super(field + " " + problem);
    this.field = field;
  }

  /** The name of the offending field. */
  public String field() {
    return field;
  }
}
