package io.suqi.agents.analytics.semantic;

import java.util.List;
import java.util.Objects;

/**
 * Keeps rows whose dimension equals one of the values: catalogue names as the tenant spells them
 * ({@link #byName}) or ids ({@link #byId}, "store 7"). Values are bound as parameters.
 */
public record Filter(Dimension dimension, boolean byId, List<Object> values) {

  public Filter {
    Objects.requireNonNull(dimension, "dimension");
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("a filter needs at least one value");
    }
    if (byId ? dimension.idColumn().isEmpty() : dimension.nameColumn().isEmpty()) {
      throw new IllegalArgumentException(dimension + " cannot be filtered " + (byId ? "by id" : "by name"));
    }
  }

  public static Filter byName(Dimension dimension, List<String> names) {
    return new Filter(dimension, false, List.copyOf(names));
  }

  public static Filter byId(Dimension dimension, List<Long> ids) {
    return new Filter(dimension, true, List.copyOf(ids));
  }

  /** The SQL column compared. */
  public String column() {
    return byId ? dimension.idColumn().orElseThrow() : dimension.nameColumn().orElseThrow();
  }
}
