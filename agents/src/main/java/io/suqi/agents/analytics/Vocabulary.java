package io.suqi.agents.analytics;

import io.suqi.agents.analytics.semantic.Dimension;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Ordinary words of questions, which are never names, and the words that say a name's kind. */
final class Vocabulary {

  /** Lower case. Never read as a misspelt catalogue name, and not an unknown name when capitalised. */
  static final Set<String> ORDINARY = Set.copyOf(List.of(
      "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "from", "with", "by", "per", "each", "every",
      "all", "our", "my", "we", "us", "i", "me", "you", "it", "its", "is", "are", "was", "were", "be", "been", "do",
      "does", "did", "done", "have", "has", "had", "what", "which", "who", "whom", "where", "when", "how", "why",
      "show", "list", "give", "tell", "get", "find", "display", "report", "return", "calculate", "compute", "break",
      "down", "please", "can", "could", "would", "should", "will", "much", "many", "total", "overall", "sum", "number",
      "count", "amount", "value", "values", "this", "that", "these", "those", "there", "their", "them", "they", "so",
      "far", "up", "out", "about", "over", "under", "into", "than", "then", "as", "across", "between", "during",
      "within", "only", "also", "just", "any", "some", "one", "ones", "per", "vs", "versus", "versus", "ranked",
      "rank", "ranking", "order", "ordered", "sorted", "sort", "descending", "ascending", "highest", "lowest", "top",
      "bottom", "best", "worst", "most", "least", "sold", "sell", "selling", "sales", "revenue", "store", "stores",
      "region", "regions", "city", "cities", "category", "categories", "brand", "brands", "product", "products",
      "item", "items", "customer", "customers", "segment", "segments", "payment", "payments", "method", "methods",
      "hour", "hours", "day", "days", "week", "weeks", "month", "months", "quarter", "quarters", "year", "years",
      "today", "yesterday", "last", "past", "previous", "current", "q1", "q2", "q3", "q4", "units", "unit",
      "transactions", "transaction", "orders", "baskets", "basket", "average", "discount", "discounts", "margin",
      "gross", "profit", "refunds", "refund", "voids", "void", "trend", "share", "percentage", "compare", "compared",
      "comparison", "growth", "anomalies", "breakdown", "broken", "split", "grouped", "group", "date", "time",
      "performance", "performing", "performed", "figures", "figure", "numbers", "data", "stats", "statistics",
      "summary", "overview", "kpi", "kpis", "metrics", "metric", "level", "levels", "generate", "generated",
      "make", "made", "bring", "brought", "earn", "earned", "see", "look", "looking", "want", "need", "know", "like",
      "mall", "street", "centre", "center", "sql", "total", "totals", "whole", "entire", "company", "business",
      "retail", "chain", "net", "distinct", "unique", "different", "shoppers", "buyers", "paid", "pay", "using",
      "via", "through", "based", "result", "results", "row", "rows", "table", "name", "names", "named", "called",
      "note", "ok", "okay", "hey", "hi", "hello", "thanks", "thank", "quick", "quickly", "again", "now", "currently",
      "so", "far", "date", "todays", "today's", "far", "ever", "since", "overall", "tally", "volume", "level",
      "each", "every", "week's", "month's", "year's", "quarter's"));

  private static final Map<Dimension, Pattern> KIND_WORDS = Map.of(
      Dimension.STORE, pattern("stores?|shops?|locations?|branch(?:es)?|outlets?"),
      Dimension.REGION, pattern("regions?|areas?"),
      Dimension.CITY, pattern("cit(?:y|ies)|towns?"),
      Dimension.CATEGORY, pattern("(?:product\\s+)?categor(?:y|ies)|departments?"),
      Dimension.BRAND, pattern("brands?"),
      Dimension.PRODUCT, pattern("products?|items?|skus?"),
      Dimension.SEGMENT, pattern("(?:customer\\s+)?segments?"),
      Dimension.PAYMENT_METHOD, pattern("payments?|paid|pay|tender|method"));

  private Vocabulary() {}

  /** The words that say a name is of this dimension: "region" for "the North region". */
  static Pattern kindWords(Dimension dimension) {
    return KIND_WORDS.getOrDefault(dimension, pattern("(?!)"));
  }

  /**
   * The words that may follow a name as part of it: also "products" after a category or brand
   * ("Kitchen products" filters, it does not break down by product).
   */
  static Pattern kindWordsAfter(Dimension dimension) {
    if (dimension == Dimension.CATEGORY || dimension == Dimension.BRAND) {
      return pattern(kindWords(dimension).pattern() + "|products?|items?|goods|lines?");
    }
    return kindWords(dimension);
  }

  private static Pattern pattern(String regex) {
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
  }
}
