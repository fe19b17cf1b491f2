package dev.convostore.domain;


/**
 * The thing asked for does not exist for the acting user. A conversation of another user is
 * reported exactly like one that does not exist.
 */
public final class NotFoundException extends ConvostoreException {

  private static final long serialVersionUID = 1L;

  private final String what;

  /**
   * @param what the kind of thing, such as {@code "conversation"}
   * @param id the id that was asked for
   */
  public NotFoundException(String what, Object id) {
    super(what + " " + id + " not found");
    this.what = what;
  }

  /** The kind of thing that was not found, such as {@code "conversation"}. */
  public String what() {
    return what;
  }
}
