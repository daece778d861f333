package io.suqi.lakehouse.quality;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.OutputTag;

/** The side outputs through which silver operators report quality: quarantined records and outcomes. */
public final class QualityOutputs {

  public static final OutputTag<QuarantinedRecord> QUARANTINE =
      new OutputTag<>("quarantine", TypeInformation.of(QuarantinedRecord.class));
  public static final OutputTag<RecordQuality> OUTCOMES =
      new OutputTag<>("expectation-outcomes", TypeInformation.of(RecordQuality.class));

  private QualityOutputs() {}
}
