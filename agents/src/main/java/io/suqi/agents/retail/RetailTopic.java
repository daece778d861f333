package io.suqi.agents.retail;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the retail expert recommends on, and the words that ask for it. Checked in this order, so
 * "a bundle deal for the holiday season" is about bundles and "competitor prices on toys" about
 * prices; a season named with no other cue is about stocking.
 */
enum RetailTopic {
  BUNDLES("bundling and cross-sell: products or categories bought together, with support, confidence and lift "
      + "(\"what sells with coffee?\", \"which categories are bought together?\")",
      "bundl|cross[\\s-]?sell|upsell|bought together|buy together|sold together|sells? (?:well )?with|goes? (?:well )?with"
          + "|go together|pair(?:s|ed|ing)? (?:well )?with|complementary|basket|affinity|market basket|frequently bought"),
  COMPETITOR_PRICES("competitor price comparison: where our prices are above or below each competitor's latest price, "
      + "by how much (\"where are we more expensive than competitors?\", \"compare our electronics prices\")",
      "competit|rival|price check|overpriced|underpriced|cheaper|more expensive|pric(?:e|es|ing)\\b|price match"),
  STORE_LOCATIONS("store-location opportunities: regional customer demand against our store coverage "
      + "(\"where should we open our next store?\")",
      "new store|next store|another store|open (?:a |our )?(?:new |second |next )?store|expan|location|where (?:to|should we) open"
          + "|coverage|white space|site selection|region(?:s)? without|underserved"),
  SEASONAL_STOCKING("seasonal stocking: what sold last time around a season and how much to stock "
      + "(\"what should we stock for Christmas?\", Black Friday, Halloween, Easter, Valentine's Day, back to school, "
      + "summer, Mother's Day…)",
      "stock|inventory|assortment|seasonal|season|order (?:in|more)|prepare");

  private final String description;
  private final Pattern cues;

  RetailTopic(String description, String cues) {
    this.description = description;
    this.cues = Pattern.compile(cues, Pattern.CASE_INSENSITIVE);
  }

  String description() {
    return description;
  }

  /** The first topic whose words the question uses; a season named alone means stocking. */
  static Optional<RetailTopic> of(String question) {
    String text = question.toLowerCase(Locale.ROOT);
    for (RetailTopic topic : List.of(values())) {
      if (topic.cues.matcher(text).find()) {
        return Optional.of(topic);
      }
    }
    return Season.named(question).map(season -> SEASONAL_STOCKING);
  }
}
