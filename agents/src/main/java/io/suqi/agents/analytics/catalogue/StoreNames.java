package io.suqi.agents.analytics.catalogue;

import io.suqi.agents.analytics.semantic.Dimension;
import java.util.ArrayList;
import java.util.List;

/**
 * Store names with the short names people use: stores often all begin with the company's name
 * ("Acme Retail Springfield Mall"), which people leave out ("the Springfield Mall store").
 */
final class StoreNames {

  private StoreNames() {}

  static List<CatalogueName> withShortNames(List<String> storeNames) {
    List<String> sharedPrefix = sharedLeadingWords(storeNames);
    List<CatalogueName> names = new ArrayList<>();
    for (String store : storeNames) {
      List<String> spellings = new ArrayList<>(List.of(store));
      if (!sharedPrefix.isEmpty()) {
        String[] words = store.trim().split("\\s+");
        String shortName = String.join(" ", List.of(words).subList(Math.min(sharedPrefix.size(), words.length), words.length));
        if (isDistinctive(shortName)) {
          spellings.add(shortName);
        }
      }
      names.add(new CatalogueName(Dimension.STORE, store, spellings));
    }
    return names;
  }

  /** "Mall" is; "5" (of "Store 5") is not: a number in a question is a count or an id. */
  private static boolean isDistinctive(String shortName) {
    return shortName.length() >= 3 && shortName.chars().anyMatch(Character::isLetter);
  }

  /** The words every name starts with, if there are at least two names. */
  private static List<String> sharedLeadingWords(List<String> names) {
    if (names.size() < 2) {
      return List.of();
    }
    List<String> shared = new ArrayList<>(List.of(names.get(0).trim().split("\\s+")));
    for (String name : names) {
      String[] words = name.trim().split("\\s+");
      int common = 0;
      while (common < shared.size() && common < words.length && shared.get(common).equalsIgnoreCase(words[common])) {
        common++;
      }
      shared = new ArrayList<>(shared.subList(0, common));
    }
    return shared;
  }
}
