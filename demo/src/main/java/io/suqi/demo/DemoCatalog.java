package io.suqi.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The fixed vocabulary demo data is drawn from: geography, competitors and product categories. */
record DemoCatalog(List<Region> regions, List<String> storeLocations, List<String> competitors,
    List<Category> categories) {

  private static final String RESOURCE = "catalog.json";

  record Region(String name, List<String> cities) {}

  /**
   * A product category: every brand sells every item, at roughly the item's price.
   *
   * @param popularity how often the category lands in a basket, relative to the others
   * @param seasonality month number (1-12) to a demand multiplier; absent months are 1.0
   */
  record Category(String name, String code, double marginMin, double marginMax, double popularity,
      Map<Integer, Double> seasonality, List<String> brands, List<Item> items) {

    double demandIn(int month) {
      return popularity * seasonality.getOrDefault(month, 1.0);
    }
  }

  record Item(String name, BigDecimal price) {}

  static DemoCatalog load() {
    try (InputStream in = DemoCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
          .readValue(in, DemoCatalog.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
