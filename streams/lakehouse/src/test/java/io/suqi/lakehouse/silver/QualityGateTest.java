package io.suqi.lakehouse.silver;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.lakehouse.RetailJson;
import io.suqi.lakehouse.RetailJson.Header;
import io.suqi.lakehouse.RetailJson.Item;
import io.suqi.lakehouse.bronze.InputSource;
import io.suqi.lakehouse.bronze.RawEvent;
import io.suqi.lakehouse.quality.Expectation;
import io.suqi.lakehouse.quality.ExpectationOutcome;
import io.suqi.lakehouse.quality.QualityOutputs;
import io.suqi.lakehouse.quality.QuarantinedRecord;
import io.suqi.lakehouse.quality.RecordQuality;
import io.suqi.lakehouse.reference.InMemoryReferenceData;
import io.suqi.schemas.Topics;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QualityGateTest {

  private static final Instant TS = Instant.parse("2026-10-01T12:00:00Z");
  private static final Header SALE = new Header("x1", "t1", 1, 7L, TS, "completed", "card");
  private static final Item FOOD = new Item(1, 101, 2, "12.50", "1.00");

  private OneInputStreamOperatorTestHarness<RawEvent, TxnChange> harness;
  private long offset;

  @BeforeEach
  void open() throws Exception {
    harness = ProcessFunctionTestHarnesses.forProcessFunction(
        new QualityGate(InMemoryReferenceData.standard().source()));
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void acceptsAValidPosTransactionWithItsStoreRegionAndProductCategory() throws Exception {
    pos(RetailJson.pos(SALE, List.of(FOOD, new Item(2, 102, 1, "3", "0"))));

    assertThat(harness.extractOutputValues()).singleElement().satisfies(change -> {
      assertThat(change.kind()).isEqualTo(ChangeKind.POS_TRANSACTION);
      assertThat(change.txnId()).isEqualTo("x1");
      assertThat(change.header().region()).isEqualTo("north");
      assertThat(change.header().customerId()).isEqualTo(7L);
      assertThat(change.lines()).extracting(TxnLine::category).containsExactly("food", "drinks");
      assertThat(change.lines().get(0).revenue()).isEqualByComparingTo("24.00");
    });
    assertThat(quarantined()).isEmpty();
    assertThat(outcomes()).allMatch(ExpectationOutcome::passed)
        .extracting(ExpectationOutcome::expectation)
        .contains(Expectation.JSON_WELL_FORMED, Expectation.STORE_KNOWN_FOR_TENANT, Expectation.QUANTITY_POSITIVE,
            Expectation.PRODUCT_KNOWN_FOR_TENANT);
  }

  @Test
  void quarantinesMalformedJsonAndKeepsGoing() throws Exception {
    pos("{\"txn_id\": \"x1\", ");
    pos("[1, 2]");
    pos(RetailJson.pos(SALE, List.of(FOOD)));

    assertThat(quarantined()).extracting(QuarantinedRecord::expectation)
        .containsExactly("json_well_formed", "json_well_formed");
    assertThat(quarantined().get(0).value()).isEqualTo("{\"txn_id\": \"x1\", ");
    assertThat(quarantined().get(0).sourceTopic()).isEqualTo(Topics.POS_TRANSACTIONS.name());
    assertThat(harness.extractOutputValues()).hasSize(1);
  }

  @Test
  void quarantinesEachBrokenExpectationWithItsName() throws Exception {
    pos(RetailJson.pos(new Header("u1", "t1", 99, null, TS, "completed", "card"), List.of(FOOD)));
    pos(RetailJson.pos(new Header("u2", "t1", 3, null, TS, "completed", "card"), List.of(FOOD)));
    pos(RetailJson.pos(SALE, List.of(new Item(1, 101, 0, "12.50", "0"))));
    pos(RetailJson.pos(SALE, List.of(new Item(1, 101, 1, "-1", "0"))));
    pos(RetailJson.pos(SALE, List.of(new Item(1, 101, 2, "5", "10.01"))));
    pos(RetailJson.pos(SALE.withStatus("lost"), List.of(FOOD)));
    pos(RetailJson.pos(SALE, List.of(new Item(1, 201, 1, "5", "0"))));
    pos(RetailJson.pos(SALE, List.of(new Item(1, 999, 1, "5", "0"))));
    pos(RetailJson.pos(SALE, List.of(FOOD, new Item(1, 102, 1, "5", "0"))));
    pos(RetailJson.pos(SALE, List.of(FOOD)).replace(TS.toString(), "yesterday noon"));
    pos(RetailJson.pos(SALE, List.of(FOOD)).replace("\"tenant_id\":\"t1\",", ""));

    assertThat(harness.extractOutputValues()).isEmpty();
    assertThat(quarantined()).extracting(QuarantinedRecord::expectation).containsExactly(
        "store_known_for_tenant", "store_known_for_tenant", "quantity_positive", "unit_price_non_negative",
        "discount_in_range", "status_accepted", "product_known_for_tenant", "product_known_for_tenant",
        "line_no_valid", "ts_well_formed", "tenant_id_not_null");
    assertThat(quarantined().get(0).reason()).contains("store 99 is not in retail.stores");
    assertThat(quarantined().get(1).reason()).contains("store 3 belongs to tenant t2, not t1");
    assertThat(quarantined().get(6).reason()).contains("product 201 belongs to tenant t2, not t1");
  }

  @Test
  void readsNumbersWrittenAsStringsAndAcceptsAMissingDiscount() throws Exception {
    pos("{\"txn_id\":\"s1\",\"tenant_id\":\"t1\",\"store_id\":\"2\",\"customer_id\":null,"
        + "\"ts\":\"2026-10-01T12:00:00+02:00\",\"status\":\"refunded\",\"payment_method\":\"cash\","
        + "\"items\":[{\"line_no\":1,\"product_id\":102,\"quantity\":3,\"unit_price\":\"1.10\"}]}");

    TxnChange change = harness.extractOutputValues().get(0);
    assertThat(change.header().ts()).isEqualTo(Instant.parse("2026-10-01T10:00:00Z"));
    assertThat(change.header().storeId()).isEqualTo(2);
    assertThat(change.lines().get(0).discount()).isEqualByComparingTo(BigDecimal.ZERO);
  }

  @Test
  void readsDebeziumChangesOfHeadersAndLines() throws Exception {
    cdc(Topics.CDC_TRANSACTIONS.name(), RetailJson.cdcHeader("c", SALE, 10));
    cdc(Topics.CDC_TRANSACTION_ITEMS.name(), RetailJson.cdcItem("r", "x1", FOOD, 11));
    cdc(Topics.CDC_TRANSACTION_ITEMS.name(), RetailJson.cdcItemDelete("x1", 1, 12));
    cdc(Topics.CDC_TRANSACTIONS.name(), RetailJson.cdcHeaderDelete("x1", 13));
    cdc(Topics.CDC_TRANSACTIONS.name(), null);   // the tombstone after a delete

    List<TxnChange> changes = harness.extractOutputValues();
    assertThat(changes).extracting(TxnChange::kind).containsExactly(ChangeKind.CDC_HEADER, ChangeKind.CDC_LINE,
        ChangeKind.CDC_LINE_DELETE, ChangeKind.CDC_HEADER_DELETE);
    assertThat(changes).extracting(TxnChange::lsn).containsExactly(10L, 11L, 12L, 13L);
    assertThat(changes.get(0).header().ts()).isEqualTo(TS);
    TxnLine line = changes.get(1).lines().get(0);
    assertThat(line.unitPrice()).isEqualByComparingTo("12.50");
    assertThat(line.productTenant()).isEqualTo("t1");
    assertThat(line.verifiedTenant()).as("a CDC line has no tenant to check against yet").isNull();
    assertThat(changes.get(2).lines().get(0).lineNo()).isEqualTo(1);
    assertThat(quarantined()).isEmpty();
    assertThat(harness.getSideOutput(QualityOutputs.OUTCOMES)).as("a tombstone is not checked").hasSize(4);
  }

  @Test
  void quarantinesBrokenChangeEvents() throws Exception {
    cdc(Topics.CDC_TRANSACTIONS.name(), "{\"op\":\"x\",\"after\":{}}");
    cdc(Topics.CDC_TRANSACTIONS.name(), "{\"op\":\"c\",\"before\":null,\"after\":null}");
    cdc(Topics.CDC_TRANSACTION_ITEMS.name(), RetailJson.cdcItem("c", "x1", new Item(1, 999, 1, "1", "0"), 5));

    assertThat(quarantined()).extracting(QuarantinedRecord::expectation)
        .containsExactly("cdc_envelope_valid", "cdc_envelope_valid", "product_known");
    assertThat(quarantined()).extracting(QuarantinedRecord::sourceTopic).containsExactly(
        Topics.CDC_TRANSACTIONS.name(), Topics.CDC_TRANSACTIONS.name(), Topics.CDC_TRANSACTION_ITEMS.name());
  }

  private void pos(String value) throws Exception {
    harness.processElement(new StreamRecord<>(new RawEvent(InputSource.POS, Topics.POS_TRANSACTIONS.name(), 0,
        offset++, "k", value, Instant.now())));
  }

  private void cdc(String topic, String value) throws Exception {
    harness.processElement(new StreamRecord<>(new RawEvent(InputSource.CDC, topic, 0, offset++, "k", value,
        Instant.now())));
  }

  private List<QuarantinedRecord> quarantined() {
    return harness.getSideOutput(QualityOutputs.QUARANTINE) == null ? List.of()
        : harness.getSideOutput(QualityOutputs.QUARANTINE).stream().map(StreamRecord::getValue).toList();
  }

  private List<ExpectationOutcome> outcomes() {
    return harness.getSideOutput(QualityOutputs.OUTCOMES).stream().map(StreamRecord::getValue)
        .map(RecordQuality::outcomes).flatMap(List::stream).toList();
  }
}
