package io.suqi.lakehouse.platinum;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.lakehouse.LakehouseDatabase;
import io.suqi.lakehouse.PostgresConnection;
import io.suqi.lakehouse.bulk.BulkWrites;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The platinum writes on the real schema, batched as their sinks batch them (the JDBC driver
 * merging inserts where it can; the bulk writer copying): the same row twice in one batch, and the
 * batch again (a replay).
 */
class PlatinumStatementsTest {

  private static final LocalDate DAY = LocalDate.parse("2026-11-27");
  private static final Instant T1 = Instant.parse("2026-10-01T09:15:00Z");
  private static final Instant T2 = Instant.parse("2026-10-03T18:40:00Z");

  @RegisterExtension
  static final LakehouseDatabase database = LakehouseDatabase.perTestClass();

  @BeforeEach
  void empty() throws Exception {
    database.execute("TRUNCATE platinum.store_day_features, platinum.customer_rfm");
  }

  @Test
  void aFeatureRowReEmittedWithinABatchKeepsItsLatestValues() throws Exception {
    // Given a store-day's row, and the same row corrected by a late sale
    StoreDayFeatures first = features(DAY, "0", 0, null);
    StoreDayFeatures corrected = features(DAY, "30.00", 2, "15.0000");

    // When both are written in one batch, twice
    writeTwice(new StoreDayFeaturesStatement(), List.of(first, corrected));

    // Then the row holds the latest values
    assertThat(database.rows("SELECT tenant_id, store_id, day, revenue, txn_count, avg_basket, revenue_7d, "
        + "revenue_lag_28d, day_of_week, month, is_holiday, updated_at IS NOT NULL FROM platinum.store_day_features"))
        .containsExactly("t1|1|2026-11-27|30.00|2|15.0000|70|3|5|11|t|t");
  }

  @Test
  void aDayWithoutTransactionsHasNoAverageBasket() throws Exception {
    // When a row without transactions is written
    writeTwice(new StoreDayFeaturesStatement(), List.of(features(DAY, "0", 0, null)));

    // Then its average basket is NULL
    assertThat(database.rows("SELECT txn_count, avg_basket IS NULL FROM platinum.store_day_features"))
        .containsExactly("0|t");
  }

  @Test
  void aCustomerWithNothingLeftIsDeletedAndScoresAreQuintilesPerTenant() throws Exception {
    // Given customer 7 with two purchases, then gone, then back; and customers 8 and 9
    CustomerRfm seven = new CustomerRfm("t1", 7, T1, T2, 2, new BigDecimal("15.00"));
    CustomerRfm gone = new CustomerRfm("t1", 7, null, null, 0, BigDecimal.ZERO);
    CustomerRfm back = new CustomerRfm("t1", 7, T2, T2, 1, new BigDecimal("5.00"));
    CustomerRfm eight = new CustomerRfm("t1", 8, T1, T1, 3, new BigDecimal("1.00"));
    CustomerRfm eightGone = new CustomerRfm("t1", 8, null, null, 0, BigDecimal.ZERO);
    CustomerRfm nine = new CustomerRfm("t2", 9, T1, T1, 1, new BigDecimal("9.00"));

    // When written in one batch, twice
    BulkWrites.writeTwice(connection(), new CustomerRfmTable(), List.of(seven, gone, back, eight, eightGone, nine));

    // Then only the customers with a purchase left have a row, with their latest values
    assertThat(database.rows("SELECT tenant_id, customer_id, first_purchase_at, last_purchase_at, frequency, "
        + "monetary FROM platinum.customer_rfm ORDER BY 1, 2")).containsExactly(
            "t1|7|2026-10-03 18:40:00+00|2026-10-03 18:40:00+00|1|5.00",
            "t2|9|2026-10-01 09:15:00+00|2026-10-01 09:15:00+00|1|9.00");
    // And the view scores them against today (UTC), alone in their tenants
    assertThat(database.rows("SELECT customer_id, recency_days = (now() AT TIME ZONE 'UTC')::date - date '2026-10-03', "
        + "r_score, f_score, m_score FROM platinum.customer_rfm_scores WHERE tenant_id = 't1'"))
        .containsExactly("7|t|1|1|1");
  }

  @Test
  void theAnalyticsRoleMayReadPlatinum() throws Exception {
    // Then the read-only role of the analytics agent can select from every platinum relation
    assertThat(database.rows("SELECT has_table_privilege('suqi_analytics', 'platinum.store_day_features', 'SELECT'), "
        + "has_table_privilege('suqi_analytics', 'platinum.customer_rfm', 'SELECT'), "
        + "has_table_privilege('suqi_analytics', 'platinum.customer_rfm_scores', 'SELECT'), "
        + "has_table_privilege('suqi_analytics', 'platinum.customer_rfm', 'INSERT')"))
        .containsExactly("t|t|t|f");
  }

  /** A row of t1/1 on {@code day} with fixed windows: 70.00 over the week, 3.00 four weeks ago. */
  private static StoreDayFeatures features(LocalDate day, String revenue, long txns, String avgBasket) {
    return new StoreDayFeatures("t1", 1, day.atStartOfDay(ZoneOffset.UTC).toInstant(), new BigDecimal(revenue), txns, 2 * txns,
        avgBasket == null ? null : new BigDecimal(avgBasket), new BigDecimal("70"), new BigDecimal("100"), 7, 10,
        new BigDecimal("10"), new BigDecimal("10"), new BigDecimal("3"), day.getDayOfWeek().getValue(),
        day.getMonthValue(), RetailHolidays.isHoliday(day));
  }

  private static PostgresConnection connection() {
    return new PostgresConnection(database.jdbcUrl() + "?reWriteBatchedInserts=true", database.user(), null);
  }

  private static <T> void writeTwice(JdbcQueryStatement<T> statement, List<T> batch) throws Exception {
    try (Connection sql = connection().open(); PreparedStatement prepared = sql.prepareStatement(statement.query())) {
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
