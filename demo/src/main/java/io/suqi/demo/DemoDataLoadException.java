package io.suqi.demo;

/** The demo data could not be loaded; the database was left as it was before the load. */
public final class DemoDataLoadException extends RuntimeException {

  public DemoDataLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
