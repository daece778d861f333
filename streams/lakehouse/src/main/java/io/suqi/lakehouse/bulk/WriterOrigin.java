package io.suqi.lakehouse.bulk;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks a writer's session with a PostgreSQL replication origin, so that every change it writes
 * carries the origin in the WAL. The Debezium connectors ask pgoutput for changes without an
 * origin ({@code slot.stream.params: origin=none} in {@code connectors/config}), so their walsenders
 * skip the lakehouse's own rows as they read them, instead of decoding each one and dropping it at
 * the publication filter (Postgres 16 and later).
 *
 * <p>An origin is held by one session at a time, so a writer takes the first free of a few
 * numbered names. Where that is not possible (a role without the privilege: superuser, or
 * {@code EXECUTE} on {@code pg_replication_origin_session_setup}; every name taken; an older
 * Postgres) the writes go unmarked: just as correct, only dearer to decode.
 */
public final class WriterOrigin {

  private static final Logger LOG = LoggerFactory.getLogger(WriterOrigin.class);

  static final String NAME_PREFIX = "suqi_lakehouse_";
  /** Origins in use count against max_replication_slots (10 in the runtime), slots apart. */
  static final int NAMES = 8;

  private static final String UNDEFINED_OBJECT = "42704";
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String OBJECT_IN_USE = "55006";
  private static final String INSUFFICIENT_PRIVILEGE = "42501";
  private static final String LIMIT_EXCEEDED = "53400";

  private WriterOrigin() {
  }

  /**
   * Marks {@code sql}'s session; call it on a new connection, in autocommit mode.
   *
   * @return the origin's name, or null when the session stays unmarked
   */
  public static String mark(Connection sql) {
    for (int i = 1; i <= NAMES; i++) {
      String name = NAME_PREFIX + i;
      try {
        if (take(sql, name)) {
          return name;
        }
      } catch (SQLException e) {
        LOG.info("lakehouse writes stay unmarked by a replication origin, so CDC decodes them too: {} ({})",
            e.getMessage(), whatToDo(e.getSQLState()));
        return null;
      }
    }
    LOG.info("lakehouse writes stay unmarked by a replication origin: all {} origins {}1..{} are in use", NAMES,
        NAME_PREFIX, NAMES);
    return null;
  }

  private static String whatToDo(String sqlState) {
    return switch (sqlState == null ? "" : sqlState) {
      case INSUFFICIENT_PRIVILEGE -> "grant the writer's role EXECUTE on pg_replication_origin_session_setup and "
          + "pg_replication_origin_create, or write as a superuser";
      case LIMIT_EXCEEDED -> "raise max_replication_slots, which also bounds the origins in use";
      default -> "the writes are as correct either way";
    };
  }

  /** Takes the origin {@code name}, creating it if needed; false when another session holds it. */
  private static boolean take(Connection sql, String name) throws SQLException {
    try (Statement statement = sql.createStatement()) {
      for (int attempt = 0; ; attempt++) {
        try {
          statement.execute("SELECT pg_replication_origin_session_setup('" + name + "')");
          return true;
        } catch (SQLException e) {
          String state = e.getSQLState();
          if (OBJECT_IN_USE.equals(state)) {
            return false;   // held by another session
          }
          if (!UNDEFINED_OBJECT.equals(state) || attempt > 0) {
            throw e;
          }
        }
        try {
          statement.execute("SELECT pg_replication_origin_create('" + name + "')");
        } catch (SQLException e) {
          if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
            throw e;
          }
          // created by another writer in the meantime
        }
      }
    }
  }
}
