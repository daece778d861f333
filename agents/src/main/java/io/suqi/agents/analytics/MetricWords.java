package io.suqi.agents.analytics;

import io.suqi.agents.analytics.semantic.Metric;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The words people use for each metric. Tried in this order, each removing what it matched, so
 * "units sold" is not also "sales" and "average basket" is not also "basket".
 */
final class MetricWords {

  record Words(Metric metric, Pattern pattern) {}

  static final List<Words> ALL = List.of(
      words(Metric.AVERAGE_BASKET, "average\\s+(?:basket|order|transaction|ticket|sale|spend)(?:\\s+(?:size|value|amount))?"
          + "|avg\\.?\\s+(?:basket|order|transaction|ticket)(?:\\s+(?:size|value))?|mean\\s+(?:basket|order|transaction)"
          + "(?:\\s+(?:size|value))?|basket\\s+(?:size|value)|aov|atv|average\\s+(?:revenue|spend|sales)\\s+per\\s+"
          + "(?:transaction|order|basket|visit)"),
      words(Metric.GROSS_MARGIN, "gross\\s+(?:margins?|profits?)|margins?|profits?|profitability"),
      words(Metric.DISCOUNTS, "discount(?:s|ed)?(?:\\s+(?:amount|value|given|total))?|markdowns?|promotions?\\s+spend"),
      words(Metric.DISTINCT_CUSTOMERS, "(?:distinct|unique|different|individual)\\s+(?:customers?|shoppers?|buyers?)"
          + "|(?:number|count)\\s+of\\s+(?:distinct\\s+|unique\\s+)?(?:customers?|shoppers?|buyers?)"
          + "|how\\s+many\\s+(?:distinct\\s+|unique\\s+|different\\s+)?(?:customers?|shoppers?|buyers?)"
          + "|customer\\s+count|customers?\\s+(?:served|who\\s+(?:bought|shopped|purchased))"),
      words(Metric.REFUNDS, "refund(?:s|ed)?(?:\\s+(?:transactions?|sales|orders?))?|returns?|returned\\s+(?:transactions?|sales|orders?)"),
      words(Metric.VOIDS, "void(?:s|ed)?(?:\\s+(?:transactions?|sales|orders?))?|cancell?ed\\s+(?:transactions?|sales|orders?)"
          + "|cancell?ations?"),
      words(Metric.UNITS, "units?(?:\\s+sold|\\s+sales)?|items?\\s+sold|quantity(?:\\s+sold)?|quantities|pieces\\s+sold"
          + "|volume\\s+sold|how\\s+many\\s+(?:items|pieces)"),
      words(Metric.TRANSACTIONS, "(?:number|count)\\s+of\\s+(?:transactions?|sales|orders?|baskets?|receipts?|purchases?|tickets?)"
          + "|how\\s+many\\s+(?:transactions?|sales|orders?|baskets?|receipts?|purchases?)|transaction\\s+(?:count|volume)"
          + "|order\\s+count|transactions?|orders?|baskets?|receipts?|purchases?|footfall"),
      words(Metric.REVENUE, "revenues?|sales(?:\\s+(?:amount|value|revenue))?|net\\s+sales|gross\\s+sales|turnover|takings"
          + "|income|earnings|gmv|how\\s+much\\s+(?:money\\s+)?(?:did\\s+)?(?:we\\s+)?(?:make|made|earn|sell|sold|take)"
          + "|money"));

  private MetricWords() {}

  private static Words words(Metric metric, String regex) {
    return new Words(metric, Pattern.compile("\\b(?:" + regex + ")\\b", Pattern.CASE_INSENSITIVE));
  }
}
