package io.suqi.lakehouse.reference;

import io.suqi.lakehouse.PostgresConnection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads stores and products from retail.stores / retail.products (the sources of truth) through
 * a small cache: hits are kept for a while, misses are asked again each time.
 */
public final class PostgresReferenceData implements ReferenceData {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresReferenceData.class);
  private static final int CAPACITY = 100_000;

  private final PostgresConnection database;
  private final ExpiringCache<Long, StoreRef> stores;
  private final ExpiringCache<Long, ProductRef> products;
  private Connection connection;

  public PostgresReferenceData(PostgresConnection database, Duration cacheTimeToLive) {
    this.database = database;
    this.stores = new ExpiringCache<>(CAPACITY, cacheTimeToLive, Clock.systemUTC());
    this.products = new ExpiringCache<>(CAPACITY, cacheTimeToLive, Clock.systemUTC());
  }

  /** A source that opens this lookup in each task. */
  public static ReferenceDataSource source(PostgresConnection database, Duration cacheTimeToLive) {
    return () -> new PostgresReferenceData(database, cacheTimeToLive);
  }

  @Override
  public Optional<StoreRef> store(long storeId) {
    Optional<StoreRef> cached = stores.get(storeId);
    if (cached.isPresent()) {
      return cached;
    }
    Optional<StoreRef> found = query("SELECT tenant_id, region FROM retail.stores WHERE store_id = ?", storeId,
        row -> new StoreRef(storeId, row.getString(1), row.getString(2)));
    found.ifPresent(store -> stores.put(storeId, store));
    return found;
  }

  @Override
  public Optional<ProductRef> product(long productId) {
    Optional<ProductRef> cached = products.get(productId);
    if (cached.isPresent()) {
      return cached;
    }
    Optional<ProductRef> found = query("SELECT tenant_id, category FROM retail.products WHERE product_id = ?",
        productId, row -> new ProductRef(productId, row.getString(1), row.getString(2)));
    found.ifPresent(product -> products.put(productId, product));
    return found;
  }

  private interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** One retry on a fresh connection: a restarted database should not fail the job. */
  private <T> Optional<T> query(String sql, long id, RowReader<T> reader) {
    try {
      return queryOnce(sql, id, reader);
    } catch (SQLException first) {
      LOG.warn("reference lookup failed, reconnecting: {}", first.getMessage());
      closeConnection();
      try {
        return queryOnce(sql, id, reader);
      } catch (SQLException second) {
        second.addSuppressed(first);
        throw new IllegalStateException("cannot read reference data from " + database.url(), second);
      }
    }
  }

  private <T> Optional<T> queryOnce(String sql, long id, RowReader<T> reader) throws SQLException {
    if (connection == null || connection.isClosed()) {
      connection = database.open();
      connection.setReadOnly(true);
    }
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, id);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? Optional.of(reader.read(row)) : Optional.empty();
      }
    }
  }

  private void closeConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.debug("closing a failed connection", e);
      }
      connection = null;
    }
  }

  @Override
  public void close() {
    closeConnection();
  }
}
