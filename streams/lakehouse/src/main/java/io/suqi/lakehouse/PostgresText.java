package io.suqi.lakehouse;

/** Text as Postgres can store it. */
public final class PostgresText {

  private PostgresText() {}

  /**
   * Postgres text cannot hold NUL characters; a record containing one would fail its insert and,
   * through restarts, stall the job. NUL becomes U+FFFD (the replacement character) instead.
   */
  public static String storable(String text) {
    return text == null || text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
  }
}
