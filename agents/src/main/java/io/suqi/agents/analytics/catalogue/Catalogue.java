package io.suqi.agents.analytics.catalogue;

import io.suqi.agents.analytics.semantic.Dimension;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The names one tenant uses for its stores, regions, cities, categories, brands, products,
 * customer segments and payment methods, and where a question mentions them. Matching ignores
 * case and plurals and forgives one small typo per name ("snaks"); it never invents a name.
 */
public final class Catalogue {

  /** When one phrase names members of two dimensions, the more specific one wins. */
  private static final List<Dimension> PRIORITY = List.of(Dimension.STORE, Dimension.PRODUCT, Dimension.BRAND,
      Dimension.CATEGORY, Dimension.CITY, Dimension.REGION, Dimension.SEGMENT, Dimension.PAYMENT_METHOD);

  /** Words (singular) that say which dimension a neighbouring name belongs to: "the North region". */
  private static final Map<Dimension, Set<String>> KIND_WORDS = Map.of(
      Dimension.STORE, Set.of("store", "shop", "location", "branch", "outlet"),
      Dimension.REGION, Set.of("region", "area"),
      Dimension.CITY, Set.of("city", "town"),
      Dimension.CATEGORY, Set.of("category", "department"),
      Dimension.BRAND, Set.of("brand"),
      Dimension.PRODUCT, Set.of("product", "item", "sku"),
      Dimension.SEGMENT, Set.of("segment", "customer"),
      Dimension.PAYMENT_METHOD, Set.of("payment", "paid", "pay", "tender"));

  private static final int SHORTEST_WORD_WITH_TYPO = 5;
  private static final int SHORTEST_WORD_WITH_TWO_TYPOS = 9;
  private static final LevenshteinDistance UP_TO_TWO_EDITS = new LevenshteinDistance(2);

  private final List<Spelling> spellings = new ArrayList<>();

  public Catalogue(List<CatalogueName> names) {
    for (CatalogueName name : names) {
      for (String spelling : name.spellings()) {
        List<Token> tokens = Token.of(spelling);
        // a name that is only a number ("7") would be read in every "top 7"
        if (!tokens.isEmpty() && !tokens.stream().allMatch(t -> isNumber(t.text()))) {
          spellings.add(new Spelling(name, tokens));
        }
      }
    }
  }

  public static Catalogue empty() {
    return new Catalogue(List.of());
  }

  /**
   * The names mentioned in {@code text}, not overlapping, in text order.
   *
   * @param ordinaryWords words (lower case) never read as a misspelt name, such as the words of
   *     metrics and time: "store" is not a typo of a brand "Stone"
   */
  public List<Mention> mentions(CharSequence text, Set<String> ordinaryWords) {
    List<Token> tokens = Token.of(text);
    List<Candidate> candidates = new ArrayList<>();
    for (Spelling spelling : spellings) {
      int length = spelling.tokens().size();
      for (int first = 0; first + length <= tokens.size(); first++) {
        int typos = 0;
        boolean matched = true;
        for (int k = 0; k < length && matched; k++) {
          Similarity similarity = compare(tokens.get(first + k), spelling.tokens().get(k), ordinaryWords);
          matched = similarity != Similarity.DIFFERENT;
          typos += similarity == Similarity.TYPO ? 1 : 0;
        }
        if (matched && typos <= 1) {
          boolean named = kindWordNextTo(tokens, first, first + length, spelling.name().dimension());
          candidates.add(new Candidate(first, first + length, spelling.name(), typos == 0, named));
        }
      }
    }
    candidates.sort(Comparator.comparingInt((Candidate c) -> c.end() - c.first()).reversed()
        .thenComparing(Candidate::exact, Comparator.reverseOrder())
        .thenComparing(Candidate::kindNamed, Comparator.reverseOrder())
        .thenComparingInt(c -> PRIORITY.indexOf(c.name().dimension())));
    boolean[] taken = new boolean[tokens.size()];
    List<Mention> mentions = new ArrayList<>();
    for (Candidate candidate : candidates) {
      boolean free = true;
      for (int i = candidate.first(); i < candidate.end() && free; i++) {
        free = !taken[i];
      }
      if (!free) {
        continue;
      }
      for (int i = candidate.first(); i < candidate.end(); i++) {
        taken[i] = true;
      }
      mentions.add(new Mention(tokens.get(candidate.first()).start(), tokens.get(candidate.end() - 1).end(),
          candidate.name().dimension(), candidate.name().value(), candidate.exact()));
    }
    mentions.sort(Comparator.comparingInt(Mention::start));
    return mentions;
  }

  private static Similarity compare(Token asked, Token name, Set<String> ordinaryWords) {
    if (asked.text().equals(name.text()) || asked.stem().equals(name.stem())) {
      return Similarity.SAME;
    }
    int shorter = Math.min(asked.text().length(), name.text().length());
    if (shorter < SHORTEST_WORD_WITH_TYPO || ordinaryWords.contains(asked.text()) || ordinaryWords.contains(asked.stem())
        || isNumber(asked.text()) || isNumber(name.text())) {
      return Similarity.DIFFERENT;
    }
    int distance = UP_TO_TWO_EDITS.apply(asked.stem(), name.stem());
    int allowed = shorter >= SHORTEST_WORD_WITH_TWO_TYPOS ? 2 : 1;
    return distance >= 0 && distance <= allowed ? Similarity.TYPO : Similarity.DIFFERENT;
  }

  private static boolean kindWordNextTo(List<Token> tokens, int first, int end, Dimension dimension) {
    Set<String> words = KIND_WORDS.getOrDefault(dimension, Set.of());
    return (first > 0 && words.contains(tokens.get(first - 1).stem()))
        || (end < tokens.size() && words.contains(tokens.get(end).stem()));
  }

  private static boolean isNumber(String text) {
    return text.chars().allMatch(Character::isDigit);
  }

  private enum Similarity { SAME, TYPO, DIFFERENT }

  private record Spelling(CatalogueName name, List<Token> tokens) {}

  private record Candidate(int first, int end, CatalogueName name, boolean exact, boolean kindNamed) {}
}
