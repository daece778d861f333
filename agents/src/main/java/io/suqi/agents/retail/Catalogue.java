package io.suqi.agents.retail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The names a tenant's questions may mention — its categories, brands, products and the competitors
 * it is watched by — read under row-level security, so another tenant's names can never match.
 * A question is matched against these names (case-insensitive, plurals and small typos allowed);
 * what matched becomes bind parameters of the SQL, never SQL text.
 */
final class Catalogue {

  /** What kind of name a mention is. Earlier kinds win a tie: "Electronics" is the category. */
  enum Kind { CATEGORY, BRAND, PRODUCT, COMPETITOR }

  /** One name of the catalogue and its normalised words. */
  record Name(Kind kind, String value, List<String> tokens) {}

  /**
   * What a question names: one kind, the names of that kind it matches best (several products
   * for "earbuds" when four brands sell earbuds), and how many of its words matched.
   */
  record Mention(Kind kind, List<String> values, int matchedWords) {
    String label() {
      return values.size() == 1 ? values.get(0) : values.size() + " products (" + String.join(", ", values) + ")";
    }
  }

  private static final String SQL = """
      SELECT 'CATEGORY', category FROM retail.products WHERE tenant_id = ?
      UNION SELECT 'BRAND', brand FROM retail.products WHERE tenant_id = ?
      UNION SELECT 'PRODUCT', name FROM retail.products WHERE tenant_id = ?
      UNION SELECT DISTINCT 'COMPETITOR', cp.competitor FROM retail.competitor_prices cp
        JOIN retail.products p ON p.product_id = cp.product_id WHERE p.tenant_id = ?""";

  private final List<Name> names;

  Catalogue(List<Name> names) {
    this.names = List.copyOf(names);
  }

  static Catalogue read(Connection connection, String tenant) throws SQLException {
    List<Name> names = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(SQL)) {
      for (int i = 1; i <= 4; i++) {
        query.setString(i, tenant);
      }
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          String value = rows.getString(2);
          names.add(new Name(Kind.valueOf(rows.getString(1)), value, NameTokens.of(value)));
        }
      }
    }
    return new Catalogue(names);
  }

  /** The best mention of one of {@code kinds} in the question, if any. */
  Optional<Mention> find(String question, Set<Kind> kinds) {
    List<String> words = NameTokens.of(question);
    Mention best = null;
    for (Kind kind : Kind.values()) {
      if (!kinds.contains(kind)) {
        continue;
      }
      int most = 0;
      Set<String> values = new LinkedHashSet<>();
      for (Name name : names) {
        if (name.kind() != kind || name.tokens().isEmpty()) {
          continue;
        }
        int matched = matched(name.tokens(), words);
        // a one-word mention of a many-word product ("coffee") names every product with it
        if (matched == 0) {
          continue;
        }
        if (matched > most) {
          most = matched;
          values.clear();
        }
        if (matched == most) {
          values.add(name.value());
        }
      }
      if (most > 0 && (best == null || most > best.matchedWords())) {
        best = new Mention(kind, values.stream().sorted(Comparator.naturalOrder()).toList(), most);
      }
    }
    return Optional.ofNullable(best);
  }

  /** How many of a name's words the question has (each question word counted once). */
  private static int matched(List<String> nameTokens, List<String> questionWords) {
    int count = 0;
    List<String> unused = new ArrayList<>(questionWords);
    for (String token : nameTokens) {
      for (int i = 0; i < unused.size(); i++) {
        if (NameTokens.similar(token, unused.get(i))) {
          unused.remove(i);
          count++;
          break;
        }
      }
    }
    return count;
  }
}
