package io.suqi.platform.runtime;

import static io.suqi.platform.runtime.PosSales.addPos;
import static io.suqi.platform.runtime.PosSales.completedSalesInRetail;
import static io.suqi.platform.runtime.PosSales.goldSalesDaily;
import static io.suqi.platform.runtime.PosSales.pos;
import static io.suqi.platform.runtime.PosSales.producer;
import static io.suqi.platform.runtime.PosSales.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.platform.postgres.EmbeddedDatabase;
import io.suqi.platform.tenant.ApiKeys;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stopped for 30 s under load and started again: the lakehouse, CDC and the question
 * path recover by themselves, and gold counts every sale exactly once.
 */
class PostgresOutageIT {

  private static final int SALES_PER_BATCH = 300;

  @TempDir
  Path dataDir;

  @TempDir
  Path postgresDir;

  @Test
  void goldIsExactAfterPostgresWasDownForThirtySeconds() throws Exception {
    int port = RunningSuqi.freePort();
    EmbeddedDatabase postgres = new EmbeddedDatabase(postgresDir, port);
    postgres.start();
    RuntimeConfig config = new RuntimeConfig(dataDir, RunningSuqi.freePort(), RunningSuqi.freePort(), RunningSuqi.freePort(), 0,
        RunningSuqi.freePort(), "127.0.0.1", EnumSet.allOf(Role.class), "it", Optional.empty(),
        Optional.of(postgres.jdbcUrl()), false, Duration.ofSeconds(30));
    try (RunningSuqi suqi = RunningSuqi.restart(config)) {
      // Given sales in retail.* and a first batch of POS sales on their way
      RetailFixture.load(suqi.db, LocalDate.now(ZoneOffset.UTC));
      String key = new ApiKeys(suqi.db).create(RetailFixture.TENANT);
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      Map<List<Object>, List<BigDecimal>> expected = completedSalesInRetail(suqi.db);
      try (KafkaProducer<String, String> producer = producer(suqi.info.kafka())) {
        sendBatch(producer, expected, "A", now);

        // When PostgreSQL stops for 30 s while more sales arrive
        postgres.close();
        sendBatch(producer, expected, "B", now);
        Thread.sleep(30_000);
        postgres = new EmbeddedDatabase(postgresDir, port);
        postgres.start();
      }

      // Then gold catches up with every sale, each counted once
      RunningSuqi.eventually(Duration.ofSeconds(240), "gold.sales_daily equal to the source aggregate",
          () -> goldSalesDaily(suqi.db).equals(expected));

      // And questions are answered again
      assertThat(suqi.ask(key, "top 5 stores by revenue last month").path("status").asText()).isEqualTo("answered");
    } finally {
      postgres.close();
    }
  }

  private static void sendBatch(KafkaProducer<String, String> producer, Map<List<Object>, List<BigDecimal>> expected,
      String batch, Instant now) throws Exception {
    for (int i = 0; i < SALES_PER_BATCH; i++) {
      long store = 1 + i % 8;
      long product = 1 + i % 4;
      int quantity = 1 + i % 3;
      Instant ts = now.minus(i % 5, ChronoUnit.DAYS);
      send(producer, "OUT-" + batch + i, pos("OUT-" + batch + i, store, ts, "completed", quantity, product));
      addPos(expected, store, ts, quantity, product);
    }
  }
}
