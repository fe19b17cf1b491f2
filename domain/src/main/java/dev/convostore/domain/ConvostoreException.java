package dev.convostore.domain;

/**
 * Root of every error convostore reports. Messages are written for the people who use a host
 * application: they never contain SQL, stack traces or other internal details.
 */
public abstract class ConvostoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  protected ConvostoreException(String message) {
    super(message);
  }

  protected ConvostoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
