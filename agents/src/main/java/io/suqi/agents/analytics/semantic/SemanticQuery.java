package io.suqi.agents.analytics.semantic;

import io.suqi.agents.time.TimeRange;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A question reduced to what the SQL needs (docs/ANALYTICS.md): metrics broken down by dimensions,
 * filtered, over a period — optionally compared with an earlier period, ranked, or with each
 * member's share of the total; or the anomalies of a period.
 *
 * @param earlier for a comparison, the earlier period ({@code period} is then the later one)
 */
public record SemanticQuery(Kind kind, List<Metric> metrics, List<Dimension> dimensions, List<Filter> filters,
    TimeRange period, Optional<TimeRange> earlier, Optional<Ranking> ranking, boolean shareOfTotal) {

  public enum Kind { MEASURES, ANOMALIES }

  public SemanticQuery {
    Objects.requireNonNull(kind, "kind");
    metrics = List.copyOf(metrics);
    dimensions = List.copyOf(dimensions);
    filters = List.copyOf(filters);
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(earlier, "earlier");
    Objects.requireNonNull(ranking, "ranking");
    if (kind == Kind.MEASURES && metrics.isEmpty()) {
      throw new IllegalArgumentException("a query measures at least one metric");
    }
    if (dimensions.stream().distinct().count() != dimensions.size()) {
      throw new IllegalArgumentException("a dimension is named twice: " + dimensions);
    }
    if (ranking.isPresent() && dimensions.isEmpty()) {
      throw new IllegalArgumentException("a ranking ranks members of a dimension");
    }
    if (shareOfTotal && dimensions.isEmpty()) {
      throw new IllegalArgumentException("a share of total needs a breakdown");
    }
    if (earlier.isPresent() && (period.isAllTime() || earlier.get().isAllTime())) {
      throw new IllegalArgumentException("a comparison is between two bounded periods");
    }
  }

  public static SemanticQuery anomalies(List<Filter> filters, TimeRange period) {
    return new SemanticQuery(Kind.ANOMALIES, List.of(), List.of(), filters, period, Optional.empty(),
        Optional.empty(), false);
  }

  public boolean isComparison() {
    return earlier.isPresent();
  }
}
