package io.suqi.platform.runtime;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import javax.sql.DataSource;

/**
 * Sales written straight into retail.*: two tenants, completed, refunded and void transactions,
 * last month and other months, so a wrong filter shows in the totals.
 */
final class RetailFixture {

  static final String TENANT = "acme";
  static final String OTHER_TENANT = "rival";

  static void load(DataSource dataSource, LocalDate today) throws SQLException {
    Random random = new Random(7);
    LocalDate lastMonthStart = today.withDayOfMonth(1).minusMonths(1);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      exec(c, "INSERT INTO retail.tenants VALUES ('" + TENANT + "','Acme Retail'),('" + OTHER_TENANT + "','Rival Co')");
      try (PreparedStatement store = c.prepareStatement("INSERT INTO retail.stores VALUES (?,?,?,?,?,DATE '2020-01-01')");
          PreparedStatement product = c.prepareStatement(
              "INSERT INTO retail.products VALUES (?,?,?,?, 'snacks','brandx',?,?)")) {
        for (int s = 1; s <= 10; s++) {
          String tenant = s <= 8 ? TENANT : OTHER_TENANT;
          store.setLong(1, s);
          store.setString(2, tenant);
          store.setString(3, "Store " + s);
          store.setString(4, s % 2 == 0 ? "north" : "south");
          store.setString(5, "City " + s);
          store.addBatch();
        }
        store.executeBatch();
        for (int p = 1; p <= 6; p++) {
          product.setLong(1, p);
          product.setString(2, p <= 4 ? TENANT : OTHER_TENANT);
          product.setString(3, "SKU-" + p);
          product.setString(4, "Product " + p);
          product.setBigDecimal(5, new BigDecimal(p * 3 + ".49"));
          product.setBigDecimal(6, new BigDecimal(p + ".10"));
          product.addBatch();
        }
        product.executeBatch();
      }
      try (PreparedStatement txn = c.prepareStatement("INSERT INTO retail.transactions VALUES (?,?,?,NULL,?,?, 'card')");
          PreparedStatement item = c.prepareStatement("INSERT INTO retail.transaction_items VALUES (?,?,?,?,?,?)")) {
        String[] statuses = {"completed", "completed", "completed", "completed", "completed", "refunded", "void"};
        for (int n = 0; n < 600; n++) {
          int storeId = 1 + random.nextInt(10);
          String tenant = storeId <= 8 ? TENANT : OTHER_TENANT;
          // Mostly last month, some two months ago and some this month (before now).
          int bucket = random.nextInt(10);
          LocalDate day = bucket < 7 ? lastMonthStart.plusDays(random.nextInt(lastMonthStart.lengthOfMonth()))
              : bucket < 9 ? lastMonthStart.minusMonths(1).plusDays(random.nextInt(28)) : today;
          Instant ts = day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(random.nextInt(60 * 24 * 60), ChronoUnit.SECONDS);
          if (ts.isAfter(Instant.now())) {
            ts = day.atStartOfDay(ZoneOffset.UTC).toInstant();
          }
          String id = "T" + n;
          txn.setString(1, id);
          txn.setString(2, tenant);
          txn.setLong(3, storeId);
          txn.setTimestamp(4, Timestamp.from(ts));
          txn.setString(5, statuses[random.nextInt(statuses.length)]);
          txn.addBatch();
          int lines = 1 + random.nextInt(3);
          for (int line = 1; line <= lines; line++) {
            long productId = tenant.equals(TENANT) ? 1 + random.nextInt(4) : 5 + random.nextInt(2);
            item.setString(1, id);
            item.setInt(2, line);
            item.setLong(3, productId);
            item.setInt(4, 1 + random.nextInt(5));
            item.setBigDecimal(5, new BigDecimal(productId * 3 + ".49"));
            item.setBigDecimal(6, random.nextInt(4) == 0 ? new BigDecimal("0.50") : BigDecimal.ZERO);
            item.addBatch();
          }
        }
        txn.executeBatch();
        item.executeBatch();
      }
      c.commit();
    }
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (var s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private RetailFixture() {}
}
