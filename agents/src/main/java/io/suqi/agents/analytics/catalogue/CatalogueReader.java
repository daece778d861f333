package io.suqi.agents.analytics.catalogue;

import io.suqi.agents.analytics.semantic.Dimension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one tenant's catalogue names. Runs inside the tenant's read transaction, so row-level
 * security limits it to that tenant's rows whatever the WHERE clause says.
 */
public final class CatalogueReader {

  private static final String NAMES = """
      SELECT 'STORE', name FROM retail.stores WHERE tenant_id = ?
      UNION SELECT 'REGION', region FROM retail.stores WHERE tenant_id = ?
      UNION SELECT 'CITY', city FROM retail.stores WHERE tenant_id = ?
      UNION SELECT 'CATEGORY', category FROM retail.products WHERE tenant_id = ?
      UNION SELECT 'BRAND', brand FROM retail.products WHERE tenant_id = ?
      UNION SELECT 'PRODUCT', name FROM retail.products WHERE tenant_id = ?
      UNION SELECT 'SEGMENT', segment FROM retail.customers WHERE tenant_id = ?
      UNION SELECT 'PAYMENT_METHOD', payment_method FROM silver.transactions WHERE tenant_id = ?
      """;
  private static final int TENANT_PARAMETERS = 8;

  /** The name, and the name without its sizes ("Sea Salt Potato Chips 8oz" is asked as "Sea Salt Potato Chips"). */
  static List<String> productSpellings(String name) {
    String withoutSizes = java.util.Arrays.stream(name.split("\\s+"))
        .filter(word -> word.chars().noneMatch(Character::isDigit))
        .collect(java.util.stream.Collectors.joining(" "));
    return withoutSizes.equals(name) || withoutSizes.split(" ").length < 2 ? List.of(name) : List.of(name, withoutSizes);
  }

  public Catalogue read(Connection connection, String tenantId) throws SQLException {
    List<CatalogueName> names = new ArrayList<>();
    List<String> stores = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(NAMES)) {
      for (int i = 1; i <= TENANT_PARAMETERS; i++) {
        statement.setString(i, tenantId);
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          Dimension dimension = Dimension.valueOf(rows.getString(1));
          String value = rows.getString(2);
          if (dimension == Dimension.STORE) {
            stores.add(value);
          } else if (dimension == Dimension.PRODUCT) {
            names.add(new CatalogueName(dimension, value, productSpellings(value)));
          } else {
            // "gift_card" is said "gift card"
            names.add(new CatalogueName(dimension, value, List.of(value.replace('_', ' '))));
          }
        }
      }
    }
    names.addAll(StoreNames.withShortNames(stores));
    return new Catalogue(names);
  }
}
