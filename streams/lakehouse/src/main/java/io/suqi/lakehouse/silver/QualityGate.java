package io.suqi.lakehouse.silver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.suqi.lakehouse.bronze.RawEvent;
import io.suqi.lakehouse.quality.Expectation;
import io.suqi.lakehouse.quality.ExpectationReport;
import io.suqi.lakehouse.quality.QualityOutputs;
import io.suqi.lakehouse.quality.QuarantinedRecord;
import io.suqi.lakehouse.reference.ReferenceData;
import io.suqi.lakehouse.reference.ReferenceDataSource;
import io.suqi.schemas.Topics;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The entrance to silver: parses each raw record and checks the declared expectations. A record
 * that meets them all goes on as a {@link TxnChange}; any other goes to the quarantine side
 * output with its reasons, and the stream keeps flowing. Every record's outcomes go to the
 * quality side output. Tombstones (a delete's follow-up for log compaction) carry nothing new.
 */
public final class QualityGate extends ProcessFunction<RawEvent, TxnChange> {

  private static final long serialVersionUID = 1L;

  private final ReferenceDataSource referenceDataSource;
  private transient ObjectMapper json;
  private transient ReferenceData referenceData;
  private transient PosRecordParser pos;
  private transient CdcRecordParser cdc;

  public QualityGate(ReferenceDataSource referenceDataSource) {
    this.referenceDataSource = referenceDataSource;
  }

  @Override
  public void open(OpenContext context) throws Exception {
    // Exact decimals for prices; trailing garbage after the object makes the record malformed.
    json = new ObjectMapper()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    referenceData = referenceDataSource.open();
    TransactionReader reader = new TransactionReader(referenceData);
    pos = new PosRecordParser(reader);
    cdc = new CdcRecordParser(reader);
  }

  @Override
  public void processElement(RawEvent event, Context context, Collector<TxnChange> out) {
    if (event.isTombstone()) {
      return;
    }
    ExpectationReport report = new ExpectationReport();
    TxnChange change = null;
    JsonNode root = parse(event.value(), report);
    if (root != null) {
      RecordOrigin origin = new RecordOrigin(event.topic(), event.partition(), event.offset(), event.key());
      if (event.topic().equals(Topics.POS_TRANSACTIONS.name())) {
        change = pos.parse(root, origin, report);
      } else if (event.topic().equals(Topics.CDC_TRANSACTIONS.name())) {
        change = cdc.header(root, origin, report);
      } else if (event.topic().equals(Topics.CDC_TRANSACTION_ITEMS.name())) {
        change = cdc.line(root, origin, report);
      } else {
        return;   // an input this job keeps in bronze only
      }
    }
    context.output(QualityOutputs.OUTCOMES, report.quality());
    if (report.passed() && change != null) {
      out.collect(change);
    } else {
      // Every parser path that yields no change has failed an expectation; "unparsed" only guards
      // against a parser bug turning into a failing (and endlessly restarting) task.
      String expectation = report.passed() ? "unparsed" : report.firstFailed().label();
      context.output(QualityOutputs.QUARANTINE, new QuarantinedRecord(event.topic(), event.partition(),
          event.offset(), event.key(), event.value(), expectation, report.reason(), Instant.now()));
    }
  }

  private JsonNode parse(String value, ExpectationReport report) {
    JsonNode root;
    String problem;
    try {
      root = json.readTree(value);
      problem = root != null && root.isObject() ? null : "not a JSON object";
    } catch (JsonProcessingException e) {
      root = null;
      problem = e.getOriginalMessage();
    }
    String why = problem;
    return report.check(Expectation.JSON_WELL_FORMED, why == null, () -> why) ? root : null;
  }

  @Override
  public void close() throws Exception {
    if (referenceData != null) {
      referenceData.close();
    }
  }
}
