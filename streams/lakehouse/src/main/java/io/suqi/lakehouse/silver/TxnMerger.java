package io.suqi.lakehouse.silver;

import io.suqi.lakehouse.bronze.InputSource;
import io.suqi.lakehouse.gold.SalesCell;
import io.suqi.lakehouse.gold.SalesContributions;
import io.suqi.lakehouse.quality.Expectation;
import io.suqi.lakehouse.quality.QualityOutputs;
import io.suqi.lakehouse.quality.QuarantinedRecord;
import io.suqi.lakehouse.quality.RecordQuality;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Deduplicates and assembles transactions, keyed by txn_id. A transaction can arrive whole from
 * POS, in parts from CDC (the header on one topic, each line on another, in any relative order),
 * from both, and more than once. This keeps one merged version per txn_id and emits it only when
 * its content changed, together with the gold deltas that take the previous version's
 * contribution back and add the new one, and the {@link SilverChange} (previous and new version)
 * from which the store metrics and platinum count without keeping a memory of their own.
 *
 * <p>Merge rules. CDC reflects the operational database, the source of truth: a CDC header or
 * line replaces a POS one, and CDC changes of one row apply in log order (an older redelivered
 * change is ignored). Between POS copies the last one wins, except that a late copy of a sale
 * does not undo its refund or void. A CDC delete of the transaction takes it back; a tombstone
 * (the deletion's number) stays until the retention ends. Lines wait for their header; a CDC line,
 * which carries no tenant, is checked against its header's tenant when they meet
 * (product_known_for_tenant).
 *
 * <p>State of a txn_id is dropped after {@code retention} without any change (processing time):
 * a copy or correction arriving later than that is treated as a new transaction. The retention is
 * the state's time-to-live, refreshed by every write and enforced by RocksDB while it compacts:
 * a timer per txn_id cost a write to RocksDB's timer set for every new transaction (a tenth of
 * this operator's time, docs/BENCHMARKS.md). Timers left in checkpoints taken before fire once
 * and do nothing.
 */
public final class TxnMerger extends KeyedProcessFunction<String, TxnChange, SilverTransaction> {

  private static final long serialVersionUID = 1L;

  /** Changes to gold: contributions taken back (negative) and added. */
  public static final OutputTag<SalesCell> SALES_DELTAS =
      new OutputTag<>("sales-deltas", TypeInformation.of(SalesCell.class));

  /** Every emitted version with the one before it, for the analytics that count transactions. */
  public static final OutputTag<SilverChange> CHANGES =
      new OutputTag<>("silver-changes", SilverChangeSerializer.TYPE);

  private final long retentionMillis;

  private transient ValueState<TxnState> state;

  public TxnMerger(Duration retention) {
    if (retention == null || retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive, was " + retention);
    }
    this.retentionMillis = retention.toMillis();
  }

  @Override
  public void open(OpenContext context) {
    ValueStateDescriptor<TxnState> descriptor = new ValueStateDescriptor<>("txn", TxnStateSerializer.TYPE);
    // Refreshed on every write, never read once expired; RocksDB drops expired values while it
    // compacts.
    descriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(retentionMillis))
        .cleanupInRocksdbCompactFilter(1_000)
        .build());
    state = getRuntimeContext().getState(descriptor);
  }

  @Override
  public void processElement(TxnChange change, Context context, Collector<SilverTransaction> out) throws Exception {
    TxnState stored = state.value();
    TxnState txn = stored == null ? TxnState.empty() : stored;
    SilverTransaction before = txn.emittedVersion(change.txnId());
    HeaderState current = txn.header();
    switch (change.kind()) {
      case POS_TRANSACTION -> txn = applyPos(change, txn);
      case CDC_HEADER -> {
        if (current == null || current.source() == InputSource.POS || change.lsn() >= current.lsn()) {
          txn = txn.withHeader(new HeaderState(change.header(), InputSource.CDC, change.lsn()));
        }
      }
      case CDC_HEADER_DELETE -> {
        boolean stale = current != null && current.source() == InputSource.CDC && change.lsn() < current.lsn();
        if (!stale) {
          delete(change.txnId(), txn, before, context, out);
        }
        return;
      }
      case CDC_LINE -> {
        TxnLine line = change.lines().get(0);
        if (appliesOver(line, txn.line(line.lineNo()))) {
          txn = txn.withLines(replaced(txn.lines(), line.lineNo(), line));
        }
      }
      case CDC_LINE_DELETE -> {
        TxnLine deleted = change.lines().get(0);
        TxnLine existing = txn.line(deleted.lineNo());
        if (existing != null && appliesOver(deleted, existing)) {
          txn = txn.withLines(replaced(txn.lines(), deleted.lineNo(), null));
        }
      }
    }
    reconcile(txn, before, context, out);
  }

  private static TxnState applyPos(TxnChange change, TxnState txn) {
    HeaderState current = txn.header();
    if (current == null || current.source() == InputSource.POS) {
      TxnHeader incoming = change.header();
      if (current != null && !current.header().isCompleted() && incoming.isCompleted()) {
        incoming = incoming.withStatus(current.header().status());
      }
      txn = txn.withHeader(new HeaderState(incoming, InputSource.POS, 0));
    }
    if (!txn.hasCdcLines()) {
      List<TxnLine> sorted = new ArrayList<>(change.lines());
      sorted.sort(Comparator.comparingInt(TxnLine::lineNo));
      txn = txn.withLines(sorted);
    }
    return txn;
  }

  /** The lines with line {@code lineNo} replaced by {@code line} (removed when null), sorted. */
  private static List<TxnLine> replaced(List<TxnLine> lines, int lineNo, TxnLine line) {
    List<TxnLine> result = new ArrayList<>(lines.size() + 1);
    for (TxnLine existing : lines) {
      if (existing.lineNo() != lineNo) {
        result.add(existing);
      }
    }
    if (line != null) {
      result.add(line);
      result.sort(Comparator.comparingInt(TxnLine::lineNo));
    }
    return result;
  }

  private static boolean appliesOver(TxnLine change, TxnLine existing) {
    return existing == null || existing.source() == InputSource.POS || change.lsn() >= existing.lsn();
  }

  /** Brings silver and gold up to date with the state: emits the version if its content changed. */
  private void reconcile(TxnState txn, SilverTransaction before, Context context, Collector<SilverTransaction> out)
      throws Exception {
    HeaderState current = txn.header();
    if (current == null) {
      if (txn.lines().isEmpty() && txn.emitted() == null) {
        state.clear();   // e.g. a line deleted before its header arrived: nothing left to keep
      } else {
        state.update(txn);   // restarts the retention
      }
      return;
    }
    txn = checkLineTenants(current.header(), txn, context);
    long fingerprint = VersionFingerprint.of(current.header(), txn.lines());
    EmittedVersion previous = txn.emitted();
    if (previous == null || previous.fingerprint() != fingerprint) {
      SilverTransaction version = new SilverTransaction(current.header().txnId(), current.header(), txn.lines(),
          current.source(), Instant.now());
      int number = emit(previous, before, version, context, out);
      txn = txn.withEmitted(EmittedVersion.of(fingerprint, version, number));
    }
    state.update(txn);   // restarts the retention
  }

  /** Emits {@code version} to silver, its gold deltas and the change; returns its number. */
  private static int emit(EmittedVersion previous, SilverTransaction before, SilverTransaction version,
      Context context, Collector<SilverTransaction> out) {
    out.collect(version);
    List<SalesCell> taken = before == null ? List.of() : SalesContributions.of(before);
    for (SalesCell delta : SalesContributions.difference(taken, SalesContributions.of(version))) {
      context.output(SALES_DELTAS, delta);
    }
    int number = previous == null ? 1 : previous.number() + 1;
    context.output(CHANGES, new SilverChange(before, version, number));
    return number;
  }

  private static boolean allVerifiedFor(String tenantId, List<TxnLine> lines) {
    for (TxnLine line : lines) {
      if (!tenantId.equals(line.verifiedTenant())) {
        return false;
      }
    }
    return true;
  }

  /** Lines not yet checked against the header's tenant are checked now; a mismatch is quarantined. */
  private static TxnState checkLineTenants(TxnHeader header, TxnState txn, Context context) {
    if (allVerifiedFor(header.tenantId(), txn.lines())) {
      return txn;
    }
    List<TxnLine> kept = new ArrayList<>(txn.lines().size());
    for (TxnLine line : txn.lines()) {
      if (header.tenantId().equals(line.verifiedTenant())) {
        kept.add(line);
        continue;
      }
      boolean ofTenant = header.tenantId().equals(line.productTenant());
      context.output(QualityOutputs.OUTCOMES, RecordQuality.of(Expectation.PRODUCT_KNOWN_FOR_TENANT, ofTenant));
      if (ofTenant) {
        kept.add(line.verifiedFor(header.tenantId()));
      } else {
        RecordOrigin origin = line.origin();
        // The value is in bronze.raw_events under the same topic, partition and offset.
        context.output(QualityOutputs.QUARANTINE, new QuarantinedRecord(origin.topic(), origin.partition(),
            origin.offset(), origin.key(), null, Expectation.PRODUCT_KNOWN_FOR_TENANT.label(),
            Expectation.PRODUCT_KNOWN_FOR_TENANT.label() + ": line " + line.lineNo() + " of " + header.txnId()
                + ": product " + line.productId() + " belongs to tenant " + line.productTenant() + ", not "
                + header.tenantId(), Instant.now()));
      }
    }
    return txn.withLines(kept);
  }

  /**
   * Takes the transaction back. What remains is a tombstone (the deletion and its number) until
   * the retention ends, so that a copy arriving later is counted anew and continues the numbering.
   */
  private void delete(String txnId, TxnState txn, SilverTransaction before, Context context,
      Collector<SilverTransaction> out) throws Exception {
    EmittedVersion previous = txn.emitted();
    if (previous == null) {
      state.clear();   // nothing was emitted, nothing to take back
      return;
    }
    if (previous.deleted()) {
      return;   // a redelivered delete
    }
    SilverTransaction deleted = SilverTransaction.deleted(txnId, Instant.now());
    int number = emit(previous, before, deleted, context, out);
    state.update(new TxnState(null, List.of(), EmittedVersion.deletion(deleted, number)));
  }

}
