package io.suqi.lakehouse.anomaly;

import java.util.ArrayList;
import java.util.List;

/**
 * Tukey's median polish of a weeks × weekdays table (NaN for unknown days): each value is split
 * into a weekday effect, a week level and a residual, each effect being the median of what the
 * others leave, so that one extreme day moves neither its weekday's effect nor its week's level.
 *
 * @param weekdayEffects per weekday; NaN when the weekday has no known day
 * @param weekLevels per week; NaN when the week has no known day
 * @param medianAbsoluteResidual the typical size of what neither explains
 */
record MedianPolish(double[] weekdayEffects, double[] weekLevels, double medianAbsoluteResidual) {

  static MedianPolish of(double[][] table, int rounds) {
    int weeks = table.length;
    int weekdays = table[0].length;
    double[] levels = new double[weeks];
    double[] effects = new double[weekdays];
    for (int round = 0; round < rounds; round++) {
      for (int weekday = 0; weekday < weekdays; weekday++) {
        List<Double> rest = new ArrayList<>();
        for (int week = 0; week < weeks; week++) {
          rest.add(table[week][weekday] - zeroIfUnknown(levels[week]));
        }
        effects[weekday] = WeekdayBaseline.median(rest);
      }
      for (int week = 0; week < weeks; week++) {
        List<Double> rest = new ArrayList<>();
        for (int weekday = 0; weekday < weekdays; weekday++) {
          rest.add(table[week][weekday] - effects[weekday]);
        }
        levels[week] = WeekdayBaseline.median(rest);
      }
    }
    List<Double> residuals = new ArrayList<>();
    for (int week = 0; week < weeks; week++) {
      for (int weekday = 0; weekday < weekdays; weekday++) {
        residuals.add(Math.abs(table[week][weekday] - effects[weekday] - levels[week]));
      }
    }
    double typical = WeekdayBaseline.median(residuals);
    return new MedianPolish(effects, levels, Double.isNaN(typical) ? 0 : typical);
  }

  private static double zeroIfUnknown(double value) {
    return Double.isNaN(value) ? 0 : value;
  }
}
