package io.suqi.agents.analytics;

import io.suqi.agents.analytics.AnalyticsQuery.Order;
import io.suqi.agents.time.TimeRange;
import io.suqi.agents.time.TimeScan;
import io.suqi.agents.time.TimeWords;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a question to an {@link AnalyticsQuery} by keywords, or says why it cannot. It refuses
 * rather than guesses: a question that mentions something the query cannot express (products,
 * regions, averages, thresholds, an unread time phrase, two metrics…) is {@link
 * Interpretation.Unmapped}, because answering a narrower question than was asked would mislead.
 */
public final class QuestionParser {

  /** How many stores "top stores" means when no number is given. */
  public static final int DEFAULT_RANK_SIZE = 5;

  private static final String NUMBER = "(\\d{1,6}|one|two|three|four|five|six|seven|eight|nine|ten)";
  private static final Map<String, Integer> NUMBER_WORDS = Map.of("one", 1, "two", 2, "three", 3,
      "four", 4, "five", 5, "six", 6, "seven", 7, "eight", 8, "nine", 9, "ten", 10);

  /** Tried in this order, each removing what it matched, so "units sold" is not also "sales". */
  private static final List<MetricWords> METRIC_WORDS = List.of(
      new MetricWords(Metric.UNITS, pattern("\\b(?:units?\\s+sold|units?\\s+sales|items\\s+sold|units|quantity)\\b")),
      new MetricWords(Metric.TRANSACTIONS, pattern("\\b(?:(?:number\\s+of|how\\s+many)\\s+(?:transactions|sales|orders)"
          + "|transaction\\s+count|transactions|orders)\\b")),
      new MetricWords(Metric.REVENUE, pattern("\\b(?:revenue|sales|turnover|takings)\\b")));

  /** Dimensions, filters and calculations the query has no place for. */
  private static final Pattern UNSUPPORTED = pattern("\\b(?:products?|skus?|items?|categor(?:y|ies)|brands?"
      + "|customers?|shoppers?|segments?|regions?|regional|cit(?:y|ies)|countr(?:y|ies)|payments?|cash|cards?"
      + "|competitors?|prices?|pricing|margins?|profits?|costs?|average|avg|mean|median|percent(?:age)?|share"
      + "|growth|grew|grow|changes?|changed|increases?|increased|decreases?|decreased|trends?|compared?|comparison"
      + "|vs|versus|refunds?|refunded|returns?|returned|void|voided|discounts?|forecasts?|predict\\w*|next"
      + "|employees?|staff|cashiers?|at\\s+least|at\\s+most|more\\s+than|less\\s+than|fewer\\s+than"
      + "|greater\\s+than|above|below|over\\s+\\d+|under\\s+\\d+|exceed\\w*|store\\s*#?\\s*\\d+)\\b");

  private static final Pattern STORES = pattern("\\b(?:stores?|shops?|locations?|branch(?:es)?)\\b");
  private static final Pattern ONE_STORE = pattern("\\b(?:store|shop|location|branch)\\b");
  private static final Pattern HIGHEST = pattern("\\b(?:top|best|highest|most|biggest|largest)\\b");
  private static final Pattern LOWEST = pattern("\\b(?:bottom|worst|lowest|least|smallest|fewest)\\b");
  private static final Pattern RANK_THEN_NUMBER = pattern("\\b(?:top|best|highest|most|biggest|largest|bottom"
      + "|worst|lowest|least|smallest|fewest)\\s+" + NUMBER + "\\b");
  private static final Pattern NUMBER_THEN_RANK_OR_STORES = pattern("\\b" + NUMBER + "\\s+(?:top|best|highest"
      + "|biggest|largest|bottom|worst|lowest|smallest|stores|shops|locations|branches)\\b");

  private final TimeWords timeWords;

  public QuestionParser(TimeWords timeWords) {
    this.timeWords = Objects.requireNonNull(timeWords, "timeWords");
  }

  public Interpretation parse(String question) {
    TimeScan time = timeWords.scan(question);
    if (!time.unrecognised().isEmpty()) {
      return unmapped("I don't understand the period \"" + time.unrecognised().get(0) + "\"");
    }
    List<TimeRange> periods = time.periods().stream().distinct().toList();
    if (periods.size() > 1) {
      return unmapped("it names more than one period; ask about one period at a time");
    }
    TimeRange period = periods.isEmpty() ? TimeRange.ALL_TIME : periods.get(0);

    StringBuilder rest = new StringBuilder(time.remainder());
    Set<Metric> metrics = new LinkedHashSet<>();
    for (MetricWords words : METRIC_WORDS) {
      if (!take(words.pattern(), rest).isEmpty()) {
        metrics.add(words.metric());
      }
    }
    Matcher unsupported = UNSUPPORTED.matcher(rest);
    if (unsupported.find()) {
      return unmapped("it mentions \"" + unsupported.group().toLowerCase(Locale.ROOT)
          + "\", which this agent cannot break down or filter by yet");
    }
    if (metrics.isEmpty()) {
      return unmapped("it does not name a measure I know (revenue, units sold or transactions)");
    }
    if (metrics.size() > 1) {
      return unmapped("it asks for more than one measure; ask for one at a time");
    }
    Metric metric = metrics.iterator().next();

    boolean byStore = STORES.matcher(rest).find();
    boolean highest = HIGHEST.matcher(rest).find();
    boolean lowest = LOWEST.matcher(rest).find();
    if (highest && lowest) {
      return unmapped("it asks for both the highest and the lowest; ask for one at a time");
    }
    if (!highest && !lowest) {
      return new Interpretation.Mapped(byStore ? AnalyticsQuery.byStore(metric, period) : AnalyticsQuery.total(metric, period));
    }
    if (!byStore) {
      return unmapped("rankings are of stores only (e.g. \"top 5 stores by revenue last month\")");
    }
    int size = rankSize(rest);
    if (size < 1) {
      return unmapped("a ranking needs at least one store");
    }
    return new Interpretation.Mapped(highest ? AnalyticsQuery.top(metric, size, period)
        : AnalyticsQuery.bottom(metric, size, period));
  }

  /** "top 3", "the 3 best", "3 stores"; else 1 for "the store with…", else the default. */
  private static int rankSize(CharSequence text) {
    Optional<String> number = firstGroup(RANK_THEN_NUMBER, text).or(() -> firstGroup(NUMBER_THEN_RANK_OR_STORES, text));
    if (number.isPresent()) {
      String n = number.get().toLowerCase(Locale.ROOT);
      return NUMBER_WORDS.containsKey(n) ? NUMBER_WORDS.get(n) : Integer.parseInt(n);
    }
    boolean onlySingular = ONE_STORE.matcher(text).find() && STORES.matcher(text).results()
        .allMatch(r -> ONE_STORE.matcher(r.group()).matches());
    return onlySingular ? 1 : DEFAULT_RANK_SIZE;
  }

  private static Optional<String> firstGroup(Pattern pattern, CharSequence text) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /** Blanks out every match in {@code text} and returns the matches. */
  private static List<String> take(Pattern pattern, StringBuilder text) {
    List<String> taken = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      taken.add(matcher.group());
      text.replace(matcher.start(), matcher.end(), " ".repeat(matcher.end() - matcher.start()));
    }
    return taken;
  }

  private static Interpretation unmapped(String reason) {
    return new Interpretation.Unmapped(reason);
  }

  private static Pattern pattern(String regex) {
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
  }

  private record MetricWords(Metric metric, Pattern pattern) {}
}
