package io.suqi.lakehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.lakehouse.anomaly.AnomalyStatement;
import io.suqi.lakehouse.anomaly.DetectedAnomaly;
import io.suqi.lakehouse.metrics.LateReason;
import io.suqi.lakehouse.metrics.LateSale;
import io.suqi.lakehouse.metrics.LateSaleStatement;
import io.suqi.lakehouse.metrics.StoreMinute;
import io.suqi.lakehouse.metrics.StoreMinuteStatement;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The analytics tables' statements, batched as the JDBC sinks batch them (with the driver merging
 * inserts into multi-row ones): the same row twice in one batch, and the batch again (a replay).
 */
class AnalyticsStatementsTest {

  private static final Instant MINUTE = Instant.parse("2026-10-01T12:30:00Z");

  @RegisterExtension
  static final LakehouseDatabase database = LakehouseDatabase.perTestClass();

  @Test
  void aMinuteReEmittedWithinABatchKeepsItsLatestTotal() throws Exception {
    StoreMinute first = new StoreMinute("t1", 1, MINUTE, MINUTE.plusSeconds(60), 2, new BigDecimal("12.50"));
    StoreMinute corrected = new StoreMinute("t1", 1, MINUTE, MINUTE.plusSeconds(60), 1, new BigDecimal("10.00"));

    writeTwice(new StoreMinuteStatement(), List.of(first, corrected));

    assertThat(database.rows("SELECT txn_count, revenue FROM gold.store_minute_metrics")).containsExactly("1|10.00");
  }

  @Test
  void anAnomalyFoundAgainUpdatesItsRowAndKeepsItsFirstDetection() throws Exception {
    Instant day = Instant.parse("2026-10-01T00:00:00Z");
    DetectedAnomaly found = new DetectedAnomaly("t1/1/txn_count/" + day, "t1", 1, "txn_count", day,
        day.plusSeconds(86_400), 100, 20, 9.5, Instant.parse("2026-10-02T00:11:00Z"));
    DetectedAnomaly again = new DetectedAnomaly(found.anomalyId(), "t1", 1, "txn_count", day, day.plusSeconds(86_400),
        101, 20, 9.6, Instant.parse("2026-10-02T09:00:00Z"));

    writeTwice(new AnomalyStatement(), List.of(found, again));

    assertThat(database.rows("SELECT anomaly_id, observed, score, detected_at FROM gold.anomalies"))
        .containsExactly(found.anomalyId() + "|101|9.6|2026-10-02 00:11:00+00");
  }

  @Test
  void aLateChangeIsRecordedOnce() throws Exception {
    LateSale late = new LateSale("x1", 3, "t1", 1, MINUTE, MINUTE.plusSeconds(900), MINUTE.plusSeconds(700),
        LateReason.TAKEN_BACK_AFTER_CLOSE, -1, new BigDecimal("-10.00"));

    writeTwice(new LateSaleStatement(), List.of(late, late));

    assertThat(database.rows("SELECT txn_id, version, reason, txn_count_delta, revenue_delta FROM gold.late_events"))
        .containsExactly("x1|3|taken_back_after_close|-1|-10.00");
  }

  private static <T> void writeTwice(JdbcQueryStatement<T> statement, List<T> batch) throws Exception {
    PostgresConnection connection = new PostgresConnection(database.jdbcUrl() + "?reWriteBatchedInserts=true",
        database.user(), null);
    try (Connection sql = connection.open(); PreparedStatement prepared = sql.prepareStatement(statement.query())) {
      for (int round = 0; round < 2; round++) {
        for (T row : batch) {
          statement.statement(prepared, row);
          prepared.addBatch();
        }
        prepared.executeBatch();
      }
    }
  }
}
