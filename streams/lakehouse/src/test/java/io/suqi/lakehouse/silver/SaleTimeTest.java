package io.suqi.lakehouse.silver;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.lakehouse.RetailJson;
import io.suqi.lakehouse.RetailJson.Header;
import io.suqi.lakehouse.RetailJson.Item;
import io.suqi.lakehouse.bronze.InputSource;
import io.suqi.lakehouse.bronze.RawEvent;
import io.suqi.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.junit.jupiter.api.Test;

class SaleTimeTest {

  private static final Instant TS = Instant.parse("2026-10-01T12:30:00Z");
  private static final long KAFKA_TS = TS.plusSeconds(2).toEpochMilli();
  private static final Header SALE = new Header("x1", "t1", 1, null, TS, "completed", "card");

  private final SaleTime saleTime = new SaleTime();

  @Test
  void aTransactionsEventTimeIsItsSaleTime() {
    assertThat(saleTime.extractTimestamp(pos(RetailJson.pos(SALE, List.of(new Item(1, 101, 1, "2", "0")))), KAFKA_TS))
        .isEqualTo(TS.toEpochMilli());
    assertThat(saleTime.extractTimestamp(cdc(Topics.CDC_TRANSACTIONS.name(), RetailJson.cdcHeader("c", SALE, 5)),
        KAFKA_TS)).isEqualTo(TS.toEpochMilli());
  }

  @Test
  void recordsWithoutASaleTimeTakeTheirKafkaTimestamp() {
    assertThat(saleTime.extractTimestamp(cdc(Topics.CDC_TRANSACTION_ITEMS.name(),
        RetailJson.cdcItem("c", "x1", new Item(1, 101, 1, "2", "0"), 6)), KAFKA_TS)).isEqualTo(KAFKA_TS);
    assertThat(saleTime.extractTimestamp(pos("{not json"), KAFKA_TS)).isEqualTo(KAFKA_TS);
    assertThat(saleTime.extractTimestamp(cdc(Topics.CDC_TRANSACTIONS.name(), null), KAFKA_TS)).isEqualTo(KAFKA_TS);
    assertThat(saleTime.extractTimestamp(pos("{not json"), TimestampAssigner.NO_TIMESTAMP))
        .isEqualTo(TimestampAssigner.NO_TIMESTAMP);
  }

  @Test
  void aTillClockFarAheadCannotPushEventTimeIntoTheFuture() {
    Header fromTheFuture = new Header("x2", "t1", 1, null, Instant.parse("2031-01-01T00:00:00Z"), "completed", "card");

    assertThat(saleTime.extractTimestamp(pos(RetailJson.pos(fromTheFuture, List.of())), KAFKA_TS))
        .isEqualTo(KAFKA_TS + SaleTime.CLOCK_SKEW.toMillis());
    assertThat(SaleTime.CLOCK_SKEW).isLessThanOrEqualTo(Duration.ofMinutes(5));
  }

  private static RawEvent pos(String value) {
    return new RawEvent(InputSource.POS, Topics.POS_TRANSACTIONS.name(), 0, 1, "x1", value, Instant.now());
  }

  private static RawEvent cdc(String topic, String value) {
    return new RawEvent(InputSource.CDC, topic, 0, 1, "{}", value, Instant.now());
  }
}
