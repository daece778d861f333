package io.suqi.platform.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (zonky's packaged binaries) whose cluster lives in the data
 * directory, listening on loopback only. The superuser {@code postgres} connects without a
 * password there, as on a local development database.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
  public static final String DATABASE = "suqi";

  private final Path clusterDir;
  private final int port;
  private EmbeddedPostgres postgres;

  public EmbeddedDatabase(Path clusterDir, int port) {
    this.clusterDir = clusterDir;
    this.port = port;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE + "?user=postgres";
  }

  public void start() {
    stopOrphanedServer();
    try {
      Files.createDirectories(clusterDir);
      postgres = EmbeddedPostgres.builder()
          .setDataDirectory(clusterDir)
          .setCleanDataDirectory(false)
          .setPort(port)
          .setRegisterShutdownHook(false)
          .setPGStartupWait(Duration.ofSeconds(60))
          // Text compares byte by byte: keys like txn_id are compared in every index insert and
          // lookup, and the C.UTF-8 libc collation cost the lakehouse's writes about 15 % more
          // Postgres time (docs/BENCHMARKS.md). Only a new cluster gets it (initdb).
          .setLocaleConfig("lc-collate", "C")
          .setServerConfig("listen_addresses", "127.0.0.1")
          .setServerConfig("fsync", "on") // zonky turns it off for tests; this data must survive
          .setServerConfig("wal_level", "logical")
          .setServerConfig("max_replication_slots", "10")
          .setServerConfig("max_wal_senders", "10")
          .setServerConfig("max_prepared_transactions", "20")
          .setServerConfig("max_connections", "200")
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start in " + clusterDir + ": " + e.getMessage(), e);
    }
    createApplicationDatabase();
  }

  /**
   * A process killed with SIGKILL leaves its PostgreSQL server running (it is a separate
   * process). Stop it so this start owns the cluster again; postgres itself cleans up the pid
   * file, and crash recovery is PostgreSQL's own.
   */
  public void stopOrphanedServer() {
    Path pidFile = clusterDir.resolve("postmaster.pid");
    Optional<ProcessHandle> orphan = readPid(pidFile).flatMap(ProcessHandle::of)
        .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
    if (orphan.isEmpty()) {
      return;
    }
    LOG.info("stopping the PostgreSQL server (pid {}) left running by a previous run", orphan.get().pid());
    ProcessHandle server = orphan.get();
    server.destroy(); // SIGTERM: a smart shutdown; the old process's clients are gone
    try {
      server.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("a PostgreSQL server from a previous run (pid " + server.pid()
          + ") still holds " + clusterDir + "; stop it and start again", e);
    }
  }

  private static Optional<Long> readPid(Path pidFile) {
    try {
      List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private void createApplicationDatabase() {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
      if (!rs.next()) {
        s.execute("CREATE DATABASE " + DATABASE);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + DATABASE + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        LOG.warn("PostgreSQL did not stop cleanly: {}", e.getMessage());
      }
      postgres = null;
    }
  }
}
