package io.suqi.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a deterministic demo data set (retail master data, 13 months of transactions, competitor
 * prices and knowledge-base documents) into an empty, migrated database, with known sales anomalies
 * injected on chosen store-days and recorded in demo.injected_anomalies (the ground truth an
 * anomaly detector is measured against). The same config and the
 * same clock instant always produce identical rows.
 *
 * <p>The load runs in one database transaction, so a failure leaves nothing behind, and it is
 * skipped when retail.tenants already has rows, so restarting with demo data never duplicates it.
 * Progress goes to the given consumer step by step; the final line is the returned summary's to
 * print.
 */
public final class DemoDataLoader {

  private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

  private final DemoDataConfig config;

  /** A loader for {@link DemoDataConfig#defaults()}. */
  public DemoDataLoader() {
    this(DemoDataConfig.defaults());
  }

  public DemoDataLoader(DemoDataConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  public DemoDataConfig config() {
    return config;
  }

  /**
   * Loads the demo data unless retail.tenants already has rows.
   *
   * @param dataSource a PostgreSQL database with the Suqi migrations applied
   * @param clock decides "today" (in UTC): transactions end at the clock's instant
   * @param progress receives human-readable progress lines, e.g. for a console
   * @return the row counts of the demo tables afterwards and the time taken; its toString is a
   *     one-line report for the console
   * @throws DemoDataLoadException if the database fails; nothing is written in that case
   */
  public DemoDataSummary load(DataSource dataSource, Clock clock, Consumer<String> progress) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(progress, "progress");
    long started = System.nanoTime();
    try (Connection connection = dataSource.getConnection()) {
      DemoDataSummary summary = inOneTransaction(connection, clock, progress)
          .withElapsed(Duration.ofNanos(System.nanoTime() - started));
      log.debug("demo data: {}", summary);
      return summary;
    } catch (SQLException e) {
      throw new DemoDataLoadException("demo data could not be loaded: " + e.getMessage(), e);
    }
  }

  private DemoDataSummary inOneTransaction(Connection connection, Clock clock,
      Consumer<String> progress) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      DemoDataSummary summary = loadInTransaction(connection, clock, progress);
      connection.commit();
      return summary;
    } catch (SQLException | RuntimeException | Error e) {
      try {
        connection.rollback();
      } catch (SQLException rollbackFailure) {
        e.addSuppressed(rollbackFailure);
      }
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private DemoDataSummary loadInTransaction(Connection connection, Clock clock,
      Consumer<String> progress) throws SQLException {
    if (alreadyLoaded(connection)) {
      progress.accept("demo data: retail.tenants already has rows, skipping the demo data load");
      return DemoTableCounts.summarize(connection, true);
    }
    LoadWindow window = LoadWindow.endingAt(clock, config.months());
    progress.accept("demo data: generating " + config.months() + " months up to " + window.today()
        + " (seed " + config.seed() + ")");
    DemoData data = DemoData.generate(config, window);
    new DemoDataWriter(connection.unwrap(PGConnection.class).getCopyAPI(), progress).write(data);
    try (Statement statement = connection.createStatement()) {
      // Fresh statistics, so the first analytics queries get sensible plans right away.
      statement.execute("ANALYZE retail.stores, retail.products, retail.customers, "
          + "retail.transactions, retail.transaction_items, retail.competitor_prices, kb.documents");
    }
    return DemoTableCounts.summarize(connection, false);
  }

  /**
   * Locks retail.tenants first, so a second loader started at the same time waits for the first
   * to commit and then sees its rows instead of loading everything again.
   */
  private static boolean alreadyLoaded(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("LOCK TABLE retail.tenants IN SHARE ROW EXCLUSIVE MODE");
      try (ResultSet rows = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM retail.tenants)")) {
        rows.next();
        return rows.getBoolean(1);
      }
    }
  }
}
