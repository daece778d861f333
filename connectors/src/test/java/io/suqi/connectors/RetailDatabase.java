package io.suqi.connectors;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.flywaydb.core.Flyway;

/**
 * A real PostgreSQL server with logical decoding on and Suqi's schema (suqi-db's Flyway
 * migrations) in database {@code suqi}, as the embedded runtime runs it.
 */
final class RetailDatabase implements AutoCloseable {

  static final String DATABASE = "suqi";
  static final String USER = "postgres";

  private final EmbeddedPostgres postgres;

  private RetailDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static RetailDatabase start() throws Exception {
    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setServerConfig("wal_level", "logical")
        .setServerConfig("max_replication_slots", "10")
        .setServerConfig("max_wal_senders", "10")
        .start();
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + DATABASE);
    }
    RetailDatabase db = new RetailDatabase(postgres);
    Flyway.configure().dataSource(db.jdbcUrl(), USER, null).locations("classpath:db/migration").load().migrate();
    return db;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE + "?user=" + USER;
  }

  CdcSource source() {
    return CdcSource.fromJdbcUrl(jdbcUrl());
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl());
  }

  /** Runs the statements in one database transaction. */
  void inOneTransaction(String... sql) throws SQLException {
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        for (String statement : sql) {
          s.execute(statement);
        }
      }
      c.commit();
    }
  }

  /** The replication slot's confirmed_flush_lsn, as an LSN number; empty if there is no such slot. */
  Optional<Long> confirmedFlushLsn(String slot) throws SQLException {
    try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
        "SELECT confirmed_flush_lsn - '0/0'::pg_lsn FROM pg_replication_slots WHERE slot_name = ?")) {
      s.setString(1, slot);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() && rs.getObject(1) != null ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  boolean slotExists(String slot) throws SQLException {
    try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
        "SELECT 1 FROM pg_replication_slots WHERE slot_name = ?")) {
      s.setString(1, slot);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Drops the replication slot once its reader has let go of it (a stopping task releases it). */
  void dropSlot(String slot) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (slotExists(slot)) {
      try (Connection c = connect(); PreparedStatement s = c.prepareStatement("SELECT pg_drop_replication_slot(?)")) {
        s.setString(1, slot);
        s.execute();
      } catch (SQLException stillActive) {
        if (System.nanoTime() > deadline) {
          throw stillActive;
        }
        Thread.sleep(200);
      }
    }
  }

  @Override
  public void close() throws Exception {
    postgres.close();
  }
}
