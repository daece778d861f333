package io.suqi.agents.analytics;

import java.util.Objects;

/** A result column: its SQL output name and how its cells read. */
public record Column(String name, ColumnType type) {

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
