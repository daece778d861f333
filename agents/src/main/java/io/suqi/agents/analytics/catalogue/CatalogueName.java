package io.suqi.agents.analytics.catalogue;

import io.suqi.agents.analytics.semantic.Dimension;
import java.util.List;
import java.util.Objects;

/**
 * A name the tenant uses for a member of a dimension ("Snacks" for a category), and the words a
 * question may use for it: the name itself, or an alias such as a store's name without the words
 * every store of the tenant shares.
 */
public record CatalogueName(Dimension dimension, String value, List<String> spellings) {

  public CatalogueName {
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(value, "value");
    spellings = List.copyOf(spellings);
  }

  public static CatalogueName of(Dimension dimension, String value) {
    return new CatalogueName(dimension, value, List.of(value));
  }
}
