package io.suqi.platform.runtime;

import static io.suqi.platform.runtime.PosSales.addPos;
import static io.suqi.platform.runtime.PosSales.completedSalesInRetail;
import static io.suqi.platform.runtime.PosSales.execute;
import static io.suqi.platform.runtime.PosSales.goldSalesDaily;
import static io.suqi.platform.runtime.PosSales.pos;
import static io.suqi.platform.runtime.PosSales.producer;
import static io.suqi.platform.runtime.PosSales.quarantine;
import static io.suqi.platform.runtime.PosSales.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both doors into the lakehouse on the real embedded runtime: rows changed in retail.* reach gold
 * through Debezium CDC, POS JSON through retail.pos.transactions, and gold.sales_daily equals the
 * aggregate computed from the source data; bad records wait in quarantine with their reason.
 */
class LakehouseEndToEndIT {

  @TempDir
  Path dataDir;

  @Test
  void goldSalesDailyEqualsTheSourceAggregateAcrossCdcAndPos() throws Exception {
    try (RunningSuqi suqi = RunningSuqi.start(dataDir)) {
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      // Given sales written in retail.*, then a refund of five sales and the deletion of three
      RetailFixture.load(suqi.db, today);
      execute(suqi.db, "UPDATE retail.transactions SET status = 'refunded' WHERE txn_id IN "
          + "(SELECT txn_id FROM retail.transactions WHERE status = 'completed' ORDER BY txn_id LIMIT 5)");
      execute(suqi.db, "BEGIN; "
          + "DELETE FROM retail.transaction_items WHERE txn_id IN ('T10','T11','T12'); "
          + "DELETE FROM retail.transactions WHERE txn_id IN ('T10','T11','T12'); COMMIT");

      // And point-of-sale events: new, duplicated, out of order, days late, refunded, and bad ones
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      List<String> valid = List.of(
          pos("POS-1", 1, now.minus(1, ChronoUnit.HOURS), "completed", 2, 1),
          pos("POS-2", 2, now.minus(3, ChronoUnit.DAYS), "completed", 5, 3),   // a store's backlog, days late
          pos("POS-3", 3, now.minus(2, ChronoUnit.DAYS), "completed", 1, 2),
          pos("POS-4", 3, now.minus(5, ChronoUnit.HOURS), "completed", 4, 4));
      try (KafkaProducer<String, String> producer = producer(suqi.info.kafka())) {
        send(producer, "POS-3", valid.get(2));          // out of order: the later sale first
        send(producer, "POS-1", valid.get(0));
        send(producer, "POS-2", valid.get(1));
        send(producer, "POS-1", valid.get(0));          // the same sale again
        send(producer, "POS-4", valid.get(3));
        send(producer, "POS-4", pos("POS-4", 3, now.minus(5, ChronoUnit.HOURS), "refunded", 4, 4)); // refunded later
        send(producer, "BAD-1", "{\"txn_id\": \"BAD-1\", \"tenant_id\": ");                     // not JSON
        send(producer, "BAD-2", pos("BAD-2", 99, now, "completed", 1, 1));                      // unknown store
        send(producer, "BAD-3", pos("BAD-3", 1, now, "stolen", 1, 1));                          // unknown status
      }

      // Then gold.sales_daily is the aggregate of the source data: retail.* as it is now, plus the
      // valid POS sales, each counted once, the refunded one not at all
      Map<List<Object>, List<BigDecimal>> expected = completedSalesInRetail(suqi.db);
      addPos(expected, 1, now.minus(1, ChronoUnit.HOURS), 2, 1);
      addPos(expected, 2, now.minus(3, ChronoUnit.DAYS), 5, 3);
      addPos(expected, 3, now.minus(2, ChronoUnit.DAYS), 1, 2);
      RunningSuqi.eventually(Duration.ofSeconds(180), "gold.sales_daily equal to the source aggregate",
          () -> goldSalesDaily(suqi.db).equals(expected));

      // And each bad record is in quarantine with the expectation it broke
      RunningSuqi.eventually(Duration.ofSeconds(60), "three records in quarantine",
          () -> quarantine(suqi.db).size() == 3);
      assertThat(quarantine(suqi.db)).containsEntry("BAD-1", "json_well_formed")
          .containsEntry("BAD-2", "store_known_for_tenant").containsEntry("BAD-3", "status_accepted");
    }
  }
}
