package io.suqi.demo;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A demo tenant. {@code weight} decides its share of the stores, products and customers, so one
 * tenant can be a large chain and another a small one.
 */
public record DemoTenant(String id, String name, int weight) {

  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public DemoTenant {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("tenant id must be lower-case kebab-case: " + id);
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("tenant name must not be blank: " + id);
    }
    if (weight < 1) {
      throw new IllegalArgumentException("tenant weight must be at least 1: " + id);
    }
  }
}
