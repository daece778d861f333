package io.suqi.lakehouse.silver;

import io.suqi.lakehouse.bronze.InputSource;
import io.suqi.lakehouse.gold.SalesCell;
import io.suqi.lakehouse.gold.SalesContributions;
import io.suqi.lakehouse.quality.Expectation;
import io.suqi.lakehouse.quality.ExpectationOutcome;
import io.suqi.lakehouse.quality.QualityOutputs;
import io.suqi.lakehouse.quality.QuarantinedRecord;
import io.suqi.lakehouse.quality.RecordQuality;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Deduplicates and assembles transactions, keyed by txn_id. A transaction can arrive whole from
 * POS, in parts from CDC (the header on one topic, each line on another, in any relative order),
 * from both, and more than once. This keeps one merged version per txn_id and emits it only when
 * its content changed, together with the gold deltas that take the previous version's
 * contribution back and add the new one.
 *
 * <p>Merge rules. CDC reflects the operational database, the source of truth: a CDC header or
 * line replaces a POS one, and CDC changes of one row apply in log order (an older redelivered
 * change is ignored). Between POS copies the last one wins, except that a late copy of a sale
 * does not undo its refund or void. A CDC delete of the transaction takes it back and clears its
 * state. Lines wait for their header; a CDC line, which carries no tenant, is checked against its
 * header's tenant when they meet (product_known_for_tenant).
 *
 * <p>State of a txn_id is dropped after {@code retention} without any change (processing time):
 * a copy or correction arriving later than that is treated as a new transaction.
 */
public final class TxnMerger extends KeyedProcessFunction<String, TxnChange, SilverTransaction> {

  private static final long serialVersionUID = 1L;

  /** Changes to gold: contributions taken back (negative) and added. */
  public static final OutputTag<SalesCell> SALES_DELTAS =
      new OutputTag<>("sales-deltas", TypeInformation.of(SalesCell.class));

  private final long retentionMillis;

  private transient ValueState<HeaderState> header;
  private transient MapState<Integer, TxnLine> lines;
  private transient ValueState<EmittedVersion> emitted;
  private transient ValueState<Long> cleanupAt;

  public TxnMerger(Duration retention) {
    if (retention == null || retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive, was " + retention);
    }
    this.retentionMillis = retention.toMillis();
  }

  @Override
  public void open(OpenContext context) {
    header = getRuntimeContext().getState(new ValueStateDescriptor<>("header", TypeInformation.of(HeaderState.class)));
    lines = getRuntimeContext().getMapState(
        new MapStateDescriptor<>("lines", Types.INT, TypeInformation.of(TxnLine.class)));
    emitted = getRuntimeContext().getState(
        new ValueStateDescriptor<>("emitted", TypeInformation.of(EmittedVersion.class)));
    cleanupAt = getRuntimeContext().getState(new ValueStateDescriptor<>("cleanup-at", Types.LONG));
  }

  @Override
  public void processElement(TxnChange change, Context context, Collector<SilverTransaction> out) throws Exception {
    HeaderState current = header.value();
    switch (change.kind()) {
      case POS_TRANSACTION -> applyPos(change, current);
      case CDC_HEADER -> {
        if (current == null || current.source() == InputSource.POS || change.lsn() >= current.lsn()) {
          header.update(new HeaderState(change.header(), InputSource.CDC, change.lsn()));
        }
      }
      case CDC_HEADER_DELETE -> {
        boolean stale = current != null && current.source() == InputSource.CDC && change.lsn() < current.lsn();
        if (!stale) {
          delete(change.txnId(), context, out);
        }
        return;
      }
      case CDC_LINE -> {
        TxnLine line = change.lines().get(0);
        if (appliesOver(line, lines.get(line.lineNo()))) {
          lines.put(line.lineNo(), line);
        }
      }
      case CDC_LINE_DELETE -> {
        TxnLine deleted = change.lines().get(0);
        TxnLine existing = lines.get(deleted.lineNo());
        if (existing != null && appliesOver(deleted, existing)) {
          lines.remove(deleted.lineNo());
        }
      }
    }
    reconcile(context, out);
  }

  private void applyPos(TxnChange change, HeaderState current) throws Exception {
    if (current == null || current.source() == InputSource.POS) {
      TxnHeader incoming = change.header();
      if (current != null && !current.header().isCompleted() && incoming.isCompleted()) {
        incoming = incoming.withStatus(current.header().status());
      }
      header.update(new HeaderState(incoming, InputSource.POS, 0));
    }
    if (!hasCdcLines()) {
      lines.clear();
      for (TxnLine line : change.lines()) {
        lines.put(line.lineNo(), line);
      }
    }
  }

  private static boolean appliesOver(TxnLine change, TxnLine existing) {
    return existing == null || existing.source() == InputSource.POS || change.lsn() >= existing.lsn();
  }

  private boolean hasCdcLines() throws Exception {
    for (TxnLine line : lines.values()) {
      if (line.source() == InputSource.CDC) {
        return true;
      }
    }
    return false;
  }

  /** Brings silver and gold up to date with the state: emits the version if its content changed. */
  private void reconcile(Context context, Collector<SilverTransaction> out) throws Exception {
    HeaderState current = header.value();
    if (current == null) {
      if (lines.isEmpty()) {
        clearState(context);   // e.g. a line deleted before its header arrived: nothing left to keep
      } else {
        scheduleCleanup(context);
      }
      return;
    }
    checkLineTenants(current.header(), context);
    List<TxnLine> sorted = new ArrayList<>();
    lines.values().forEach(sorted::add);
    sorted.sort(Comparator.comparingInt(TxnLine::lineNo));
    long fingerprint = VersionFingerprint.of(current.header(), sorted);
    EmittedVersion previous = emitted.value();
    if (previous == null || previous.fingerprint() != fingerprint) {
      SilverTransaction version = new SilverTransaction(current.header().txnId(), current.header(), sorted,
          current.source(), Instant.now());
      out.collect(version);
      List<SalesCell> contributions = SalesContributions.of(version);
      List<SalesCell> before = previous == null ? List.of() : previous.contributions();
      for (SalesCell delta : SalesContributions.difference(before, contributions)) {
        context.output(SALES_DELTAS, delta);
      }
      emitted.update(new EmittedVersion(fingerprint, contributions));
    }
    scheduleCleanup(context);
  }

  /** Lines not yet checked against the header's tenant are checked now; a mismatch is quarantined. */
  private void checkLineTenants(TxnHeader txn, Context context) throws Exception {
    List<Map.Entry<Integer, TxnLine>> unchecked = new ArrayList<>();
    for (Map.Entry<Integer, TxnLine> entry : lines.entries()) {
      if (!txn.tenantId().equals(entry.getValue().verifiedTenant())) {
        unchecked.add(Map.entry(entry.getKey(), entry.getValue()));
      }
    }
    for (Map.Entry<Integer, TxnLine> entry : unchecked) {
      TxnLine line = entry.getValue();
      boolean ofTenant = txn.tenantId().equals(line.productTenant());
      context.output(QualityOutputs.OUTCOMES,
          new RecordQuality(List.of(new ExpectationOutcome(Expectation.PRODUCT_KNOWN_FOR_TENANT, ofTenant))));
      if (ofTenant) {
        lines.put(entry.getKey(), line.verifiedFor(txn.tenantId()));
      } else {
        lines.remove(entry.getKey());
        RecordOrigin origin = line.origin();
        // The value is in bronze.raw_events under the same topic, partition and offset.
        context.output(QualityOutputs.QUARANTINE, new QuarantinedRecord(origin.topic(), origin.partition(),
            origin.offset(), origin.key(), null, Expectation.PRODUCT_KNOWN_FOR_TENANT.label(),
            Expectation.PRODUCT_KNOWN_FOR_TENANT.label() + ": line " + line.lineNo() + " of " + txn.txnId()
                + ": product " + line.productId() + " belongs to tenant " + line.productTenant() + ", not "
                + txn.tenantId(), Instant.now()));
      }
    }
  }

  private void delete(String txnId, Context context, Collector<SilverTransaction> out) throws Exception {
    EmittedVersion previous = emitted.value();
    if (previous != null) {
      for (SalesCell delta : SalesContributions.difference(previous.contributions(), List.of())) {
        context.output(SALES_DELTAS, delta);
      }
      out.collect(SilverTransaction.deleted(txnId, Instant.now()));
    }
    clearState(context);
  }

  private void scheduleCleanup(Context context) throws Exception {
    Long scheduled = cleanupAt.value();
    if (scheduled != null) {
      context.timerService().deleteProcessingTimeTimer(scheduled);
    }
    long at = context.timerService().currentProcessingTime() + retentionMillis;
    context.timerService().registerProcessingTimeTimer(at);
    cleanupAt.update(at);
  }

  private void clearState(Context context) throws Exception {
    Long scheduled = cleanupAt.value();
    if (scheduled != null) {
      context.timerService().deleteProcessingTimeTimer(scheduled);
    }
    header.clear();
    lines.clear();
    emitted.clear();
    cleanupAt.clear();
  }

  /** Retention passed without a change: forget the transaction (silver and gold keep its last version). */
  @Override
  public void onTimer(long timestamp, OnTimerContext context, Collector<SilverTransaction> out) throws Exception {
    header.clear();
    lines.clear();
    emitted.clear();
    cleanupAt.clear();
  }
}
