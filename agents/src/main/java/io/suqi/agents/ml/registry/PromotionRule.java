package io.suqi.agents.ml.registry;

import io.suqi.agents.ml.training.ForecastMetrics;
import java.util.Locale;
import java.util.Optional;

/**
 * Deploy or tune: a candidate is promoted only if, on the same test period, it beats the
 * seasonal-naive baseline and the model serving now (if any).
 */
public final class PromotionRule {

  /** What the rule decided, and why, in words for the registry and the answer. */
  public record Decision(boolean promote, String reason) {}

  private PromotionRule() {}

  public static Decision decide(ForecastMetrics candidate, ForecastMetrics baseline, Optional<ForecastMetrics> serving) {
    if (!candidate.beats(baseline)) {
      return new Decision(false, String.format(Locale.ROOT,
          "not promoted: MAPE %.2f%% does not beat the seasonal-naive baseline's %.2f%%", candidate.mape(),
          baseline.mape()));
    }
    if (serving.isPresent() && !candidate.beats(serving.get())) {
      return new Decision(false, String.format(Locale.ROOT,
          "not promoted: MAPE %.2f%% does not beat the serving model's %.2f%% on the same test period",
          candidate.mape(), serving.get().mape()));
    }
    return new Decision(true, String.format(Locale.ROOT, "promoted: MAPE %.2f%% beats the baseline's %.2f%%%s",
        candidate.mape(), baseline.mape(), serving.map(s -> String.format(Locale.ROOT,
            " and the serving model's %.2f%%", s.mape())).orElse(" (no model was serving)")));
  }
}
