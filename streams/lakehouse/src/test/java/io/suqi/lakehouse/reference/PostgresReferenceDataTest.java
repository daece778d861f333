package io.suqi.lakehouse.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.lakehouse.LakehouseDatabase;
import io.suqi.lakehouse.PostgresConnection;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresReferenceDataTest {

  @RegisterExtension
  static final LakehouseDatabase database = LakehouseDatabase.perTestClass();

  @BeforeAll
  static void catalogue() throws Exception {
    database.execute("INSERT INTO retail.tenants VALUES ('t1', 'One')");
    database.execute("INSERT INTO retail.stores VALUES (1, 't1', 'Main', 'north', 'Lima', '2020-01-01')");
    database.execute("INSERT INTO retail.products VALUES (101, 't1', 'S1', 'Rice', 'food', 'B', 2.00, 1.00)");
  }

  @Test
  void readsStoresAndProductsAndKeepsHitsInTheCache() throws Exception {
    try (PostgresReferenceData lookup = open()) {
      assertThat(lookup.store(1)).contains(new StoreRef(1, "t1", "north"));
      assertThat(lookup.product(101)).contains(new ProductRef(101, "t1", "food"));

      database.execute("UPDATE retail.stores SET region = 'south' WHERE store_id = 1");
      assertThat(lookup.store(1)).as("a hit is served from the cache").contains(new StoreRef(1, "t1", "north"));
    }
  }

  @Test
  void asksAgainForWhatWasMissing() throws Exception {
    try (PostgresReferenceData lookup = open()) {
      assertThat(lookup.store(2)).isEmpty();
      database.execute("INSERT INTO retail.stores VALUES (2, 't1', 'New', 'east', 'Lima', '2026-10-01')");
      assertThat(lookup.store(2)).contains(new StoreRef(2, "t1", "east"));
    }
  }

  @Test
  void reconnectsAfterTheConnectionIsLost() throws Exception {
    try (PostgresReferenceData lookup = open()) {
      assertThat(lookup.product(101)).isPresent();
      database.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
          + "WHERE application_name = 'PostgreSQL JDBC Driver' AND pid <> pg_backend_pid()");
      assertThat(lookup.product(999)).isEmpty();
    }
  }

  private static PostgresReferenceData open() {
    return new PostgresReferenceData(new PostgresConnection(database.jdbcUrl(), database.user(), null),
        Duration.ofMinutes(5));
  }
}
