package io.suqi.agents.analytics;

import io.suqi.agents.analytics.semantic.Dimension;
import java.util.List;
import java.util.regex.Pattern;

/** The words people use for each dimension, longest phrases first. */
final class DimensionWords {

  record Words(Dimension dimension, String regex) {}

  static final List<Words> ALL = List.of(
      new Words(Dimension.PAYMENT_METHOD, "payments?\\s+(?:methods?|types?|modes?|options?)|(?:methods?|ways?|modes?)\\s+of"
          + "\\s+payment|tender(?:\\s+types?)?|how\\s+(?:customers\\s+|people\\s+|they\\s+)?paid"),
      new Words(Dimension.SEGMENT, "customer\\s+(?:segments?|types?|groups?|tiers?)|segments?|loyalty\\s+tiers?"),
      new Words(Dimension.CATEGORY, "(?:product\\s+)?categor(?:y|ies)|departments?"),
      new Words(Dimension.HOUR, "hours?\\s+of\\s+(?:the\\s+)?day|times?\\s+of\\s+(?:the\\s+)?day|hours?|hourly"),
      new Words(Dimension.STORE, "stores?|shops?|locations?|branch(?:es)?|outlets?"),
      new Words(Dimension.REGION, "regions?|regional"),
      new Words(Dimension.CITY, "cit(?:y|ies)|towns?"),
      new Words(Dimension.BRAND, "brands?"),
      new Words(Dimension.PRODUCT, "products?|items?|skus?|articles?"),
      new Words(Dimension.DAY, "days?|daily|dates?"),
      new Words(Dimension.WEEK, "weeks?|weekly"),
      new Words(Dimension.MONTH, "months?|monthly"),
      new Words(Dimension.QUARTER, "quarters?|quarterly"),
      new Words(Dimension.YEAR, "years?|yearly|annual(?:ly)?"));

  /** Adjectives that name a time dimension on their own ("monthly revenue"). */
  static final Pattern TIME_ADJECTIVES = Pattern.compile("\\b(?:hourly|daily|weekly|monthly|quarterly|yearly"
      + "|annual(?:ly)?)\\b", Pattern.CASE_INSENSITIVE);

  private DimensionWords() {}

  static Pattern pattern(Words words) {
    return Pattern.compile("\\b(?:" + words.regex() + ")\\b", Pattern.CASE_INSENSITIVE);
  }
}
