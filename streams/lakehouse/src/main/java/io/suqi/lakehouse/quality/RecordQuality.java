package io.suqi.lakehouse.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * Every expectation checked on one record, as two bit sets over {@link Expectation} ordinals:
 * one small element per record keeps the counting stream cheap to ship between operators.
 *
 * @param checked bit {@code e.ordinal()} set when expectation e was checked
 * @param failed bit set when it was checked and failed (a subset of {@code checked})
 */
public record RecordQuality(int checked, int failed) {

  static {
    if (Expectation.values().length > Integer.SIZE) {
      throw new IllegalStateException("more expectations than bits in RecordQuality");
    }
  }

  public RecordQuality {
    if ((failed & ~checked) != 0) {
      throw new IllegalArgumentException("a failed expectation must be checked");
    }
  }

  /** One expectation's outcome. */
  public static RecordQuality of(Expectation expectation, boolean passed) {
    int bit = 1 << expectation.ordinal();
    return new RecordQuality(bit, passed ? 0 : bit);
  }

  RecordQuality with(Expectation expectation, boolean passed) {
    int bit = 1 << expectation.ordinal();
    return new RecordQuality(checked | bit, passed ? failed : failed | bit);
  }

  /** The outcomes, in declaration order of the expectations. */
  public List<ExpectationOutcome> outcomes() {
    List<ExpectationOutcome> outcomes = new ArrayList<>(Integer.bitCount(checked));
    for (Expectation expectation : Expectation.values()) {
      int bit = 1 << expectation.ordinal();
      if ((checked & bit) != 0) {
        outcomes.add(new ExpectationOutcome(expectation, (failed & bit) == 0));
      }
    }
    return outcomes;
  }
}
