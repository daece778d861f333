package io.suqi.lakehouse.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.lakehouse.LakehouseDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A marked writer's rows as a logical-replication client sees them: skipped by a slot read that
 * asks for changes without origin (as the Debezium connectors do), delivered to one that asks for
 * all; an unmarked writer's rows are delivered to both.
 */
class WriterOriginTest {

  @RegisterExtension
  static final LakehouseDatabase database = LakehouseDatabase.durablePerTestClass();   // logical WAL, as the runtime's

  @BeforeAll
  static void capturedTable() throws SQLException {
    database.execute("CREATE TABLE origin_check (id int PRIMARY KEY, writer text)");
    database.execute("CREATE PUBLICATION origin_check FOR TABLE origin_check");
  }

  @BeforeEach
  void slot() throws SQLException {
    database.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots");
    database.execute("TRUNCATE origin_check");
    database.execute("SELECT pg_create_logical_replication_slot('origin_check', 'pgoutput')");
  }

  @Test
  void changesOfAMarkedWriterAreSkippedByReadersOfChangesWithoutOrigin() throws SQLException {
    // Given a marked writer and an unmarked one
    try (Connection marked = open(); Connection unmarked = open()) {
      assertThat(WriterOrigin.mark(marked)).startsWith(WriterOrigin.NAME_PREFIX);

      // When each inserts rows
      insert(marked, 1, 2, 3);
      insert(unmarked, 4, 5);
    }

    // Then a reader asking for changes without origin gets only the unmarked writer's, one asking
    // for all gets every row
    assertThat(insertsSeen("none")).isEqualTo(2);
    assertThat(insertsSeen("any")).isEqualTo(5);
    assertThat(database.count("SELECT count(*) FROM origin_check")).isEqualTo(5);
  }

  @Test
  void concurrentWritersTakeOriginsOfTheirOwnAndTheRestWriteUnmarked() throws SQLException {
    List<Connection> writers = new ArrayList<>();
    try {
      // Given every origin taken by a writer
      List<String> names = new ArrayList<>();
      for (int i = 0; i < WriterOrigin.NAMES; i++) {
        Connection writer = open();
        writers.add(writer);
        names.add(WriterOrigin.mark(writer));
      }
      assertThat(names).doesNotContainNull().doesNotHaveDuplicates();

      // When one more writer starts
      Connection extra = open();
      writers.add(extra);

      // Then it writes unmarked, and its rows are captured as any other writer's
      assertThat(WriterOrigin.mark(extra)).isNull();
      insert(extra, 7);
      assertThat(insertsSeen("none")).isEqualTo(1);
    } finally {
      for (Connection writer : writers) {
        writer.close();
      }
    }

    // And a writer starting after they closed takes a freed origin
    try (Connection later = open()) {
      assertThat(WriterOrigin.mark(later)).startsWith(WriterOrigin.NAME_PREFIX);
    }
  }

  @Test
  void aRoleWithoutThePrivilegeWritesUnmarked() throws SQLException {
    // Given a role that may write the table but not set up replication origins
    database.execute("DROP ROLE IF EXISTS origin_writer");
    database.execute("CREATE ROLE origin_writer LOGIN");
    database.execute("GRANT INSERT ON origin_check TO origin_writer");
    try (Connection writer = DriverManager.getConnection(database.jdbcUrl(), "origin_writer", "")) {
      // When it is marked, then it stays unmarked, and its writes succeed and are captured
      assertThat(WriterOrigin.mark(writer)).isNull();
      insert(writer, 8);
    }
    assertThat(insertsSeen("none")).isEqualTo(1);
  }

  private static Connection open() throws SQLException {
    return DriverManager.getConnection(database.jdbcUrl(), database.user(), "");
  }

  private static void insert(Connection writer, int... ids) throws SQLException {
    try (Statement statement = writer.createStatement()) {
      for (int id : ids) {
        statement.execute("INSERT INTO origin_check VALUES (" + id + ", current_user)");
      }
    }
  }

  /** Inserts the slot delivers through pgoutput with that origin option; the slot does not move. */
  private static long insertsSeen(String origin) throws SQLException {
    // The test server commits asynchronously, and decoding reads only flushed WAL: flush it all.
    database.execute("CHECKPOINT");
    return database.count("SELECT count(*) FROM pg_logical_slot_peek_binary_changes('origin_check', NULL, NULL, "
        + "'proto_version', '1', 'publication_names', 'origin_check', 'origin', '" + origin + "') "
        + "WHERE get_byte(data, 0) = ascii('I')");
  }
}
