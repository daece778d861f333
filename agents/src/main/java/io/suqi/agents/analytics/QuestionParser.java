package io.suqi.agents.analytics;

import io.suqi.agents.analytics.catalogue.Catalogue;
import io.suqi.agents.analytics.catalogue.Mention;
import io.suqi.agents.analytics.semantic.Dimension;
import io.suqi.agents.analytics.semantic.Filter;
import io.suqi.agents.analytics.semantic.Metric;
import io.suqi.agents.analytics.semantic.Ranking;
import io.suqi.agents.analytics.semantic.SemanticQuery;
import io.suqi.agents.time.TimeRange;
import io.suqi.agents.time.TimeScan;
import io.suqi.agents.time.TimeWords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a question into a {@link SemanticQuery} (docs/ANALYTICS.md), or says why it cannot. Each
 * step finds its words, records what they mean and blanks them out, so that later steps see only
 * what is left: comparison and share words, ids, breakdowns, time, catalogue names, rankings,
 * metrics, and finally bare dimension words. It refuses rather than guesses: an unread period, a
 * threshold, an unknown name or a breakdown it does not have is {@link Interpretation.Unmapped}.
 */
public final class QuestionParser {

  /** How many members "top stores" means when no number is given. */
  public static final int DEFAULT_RANK_SIZE = 5;

  /** A trend over at most this long is by day; a longer one by month. */
  static final Duration LONGEST_DAILY_TREND = Duration.ofDays(31);

  private static final String NUMBER = "(\\d{1,6}|one|two|three|four|five|six|seven|eight|nine|ten|twenty)";
  private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
      Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
      Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("twenty", 20));

  private static final Pattern ANOMALIES = pattern("\\b(?:anomal(?:y|ies|ous)|unusual|outliers?|abnormal|irregular(?:ities)?)\\b");
  private static final Pattern SHARE = pattern("\\b(?:share|shares|percentage|percent|proportion|contribution|split)"
      + "(?:\\s+of(?:\\s+(?:the|our))?\\s+total)?\\b|%\\s*of(?:\\s+(?:the|our))?\\s+total|%\\s*of\\b|\\bof\\s+(?:the\\s+)?total\\b");
  private static final Pattern TREND = pattern("\\b(?:trend(?:s|ing|ed)?|over\\s+time|trajectory|evolution|progression"
      + "|developed|development)\\b");
  private static final Pattern COMPARE = pattern("\\b(?:vs\\.?|versus|compared?(?:\\s+(?:to|with|against))?|comparison"
      + "(?:\\s+(?:of|between))?|comparing|against|relative\\s+to)\\b");
  private static final Pattern CHANGE = pattern("\\b(?:growth|grew|grow(?:n|ing)?|change[sd]?|changing|increase[sd]?"
      + "|decrease[sd]?|decline[sd]?|difference|dropped|rose|fell)\\b");
  private static final Pattern THRESHOLD = pattern("\\b(?:at\\s+least|at\\s+most|more\\s+than|less\\s+than|fewer\\s+than"
      + "|greater\\s+than|higher\\s+than|lower\\s+than|above|below|over\\s+\\$?\\d|under\\s+\\$?\\d|exceed\\w*)\\b");
  private static final Pattern UNSUPPORTED_PERIOD = pattern("\\b(?:last|past|previous|next|these|those)\\s+" + NUMBER
      + "\\s+(?:weeks?|months?|quarters?|years?|hours?)\\b|\\b(?:next|tomorrow|forecast\\w*|predict\\w*)\\b");
  /** SQL in a question is never run; saying so is clearer than answering the words around it. */
  private static final Pattern SQL_TEXT = pattern(";\\s*\\w|--|/\\*|\\bunion\\s+(?:all\\s+)?select\\b|\\bselect\\s+.+\\s+from\\b"
      + "|\\b(?:drop|truncate|alter)\\s+table\\b|\\bdelete\\s+from\\b|\\binsert\\s+into\\b|\\bset_config\\b|\\bpg_\\w+"
      + "|\\b1\\s*=\\s*1\\b|\\bwhere\\s+\\w+\\s*(?:<>|!=|=)|\\bor\\s+\\w+\\s*(?:<>|!=|=)");
  /** Things people ask about that this data does not hold. */
  private static final Pattern UNSUPPORTED_SUBJECT = pattern("\\b(?:employees?|staff|cashiers?|workers?|suppliers?|vendors?"
      + "|competitors?|prices?|pricing|inventory|stock\\s+levels?|warehouses?|shipments?|deliver(?:y|ies)|weather|wages?"
      + "|salar(?:y|ies)|rent|expenses?|budgets?|targets?|visitors?|foot\\s+traffic|conversion\\s+rates?)\\b");
  private static final Pattern STORE_IDS = pattern("\\b(?:store|shop|location|branch)(?:es|s)?\\s*(?:#|no\\.?|number|id)?"
      + "\\s*#?(\\d{1,9})((?:\\s*(?:,|and|&|or)\\s*#?\\d{1,9})*)\\b");
  private static final Pattern PRODUCT_IDS = pattern("\\b(?:product|item|sku)s?\\s*(?:#|no\\.?|number|id)?"
      + "\\s*#?(\\d{1,9})((?:\\s*(?:,|and|&|or)\\s*#?\\d{1,9})*)\\b");
  private static final Pattern BREAKDOWN = pattern("\\b(?:by|per|each|every|for\\s+(?:each|every)|across(?:\\s+all)?"
      + "|split\\s+by|broken\\s+down\\s+by|breakdown\\s+by|grouped\\s+by|group\\s+by|in\\s+each)\\s+(?:the\\s+|our\\s+|all\\s+)?$");
  private static final Pattern AND_ANOTHER = pattern("^\\s*(?:,|and|&|then|plus)\\s*(?:by\\s+|per\\s+)?(?:the\\s+)?");
  private static final Pattern HIGHEST = pattern("\\b(?:top|best|highest|most|biggest|largest|leading|busiest|strongest"
      + "|maximum|max|greatest)\\b");
  private static final Pattern LOWEST = pattern("\\b(?:bottom|worst|lowest|least|smallest|fewest|weakest|slowest"
      + "|minimum|min|quietest|poorest)\\b");
  private static final Pattern RANK_THEN_NUMBER = pattern("\\b(?:top|best|highest|most|biggest|largest|leading|bottom"
      + "|worst|lowest|least|smallest|fewest|weakest)\\s+" + NUMBER + "\\b");
  private static final Pattern NUMBER_THEN_WORD = pattern("\\b" + NUMBER + "\\s+(?:top|best|highest|biggest|largest"
      + "|bottom|worst|lowest|smallest|weakest|[a-z]+(?:s|es|ies))\\b");
  private static final Pattern SELLING = pattern("\\b(?:best|top|worst)[\\s-]+sell(?:ing|ers?)\\b|\\bsold\\b|\\bsell(?:s|ing)?\\b");
  private static final Pattern HOW_MANY = pattern("\\bhow\\s+many\\b");
  private static final Pattern LEFTOVER_BREAKDOWN = pattern("\\b(?:by|per)\\s+(?:the\\s+|each\\s+)?([a-z]{3,})\\b");
  private static final Pattern CAPITALISED = Pattern.compile("\\b[A-Z][A-Za-z]+\\b");
  private static final Set<String> TIME_UNITS = Set.of("day", "days", "week", "weeks", "month", "months", "quarter",
      "quarters", "year", "years", "hour", "hours", "daily", "weekly", "monthly", "quarterly", "yearly", "annual",
      "annually", "hourly");

  private final TimeWords timeWords;

  public QuestionParser(TimeWords timeWords) {
    this.timeWords = Objects.requireNonNull(timeWords, "timeWords");
  }

  /** Parses with no catalogue: names are not recognised. */
  public Interpretation parse(String question) {
    return parse(question, Catalogue.empty());
  }

  public Interpretation parse(String question, Catalogue catalogue) {
    if (SQL_TEXT.matcher(question).find()) {
      return unmapped("it contains SQL, and I never run text from a question; ask in words");
    }
    Optional<String> unsupportedSubject = first(UNSUPPORTED_SUBJECT, question);
    if (unsupportedSubject.isPresent()) {
      return unmapped("it asks about \"" + unsupportedSubject.get() + "\", which the sales data does not hold");
    }
    StringBuilder rest = new StringBuilder(question);
    boolean anomalies = !take(ANOMALIES, rest).isEmpty();
    boolean share = !take(SHARE, rest).isEmpty();
    boolean trend = !take(TREND, rest).isEmpty();
    boolean compare = !take(COMPARE, rest).isEmpty();
    boolean change = !take(CHANGE, rest).isEmpty();
    Optional<String> unsupportedPeriod = first(UNSUPPORTED_PERIOD, rest);
    if (unsupportedPeriod.isPresent()) {
      return unmapped("I don't understand the period \"" + unsupportedPeriod.get() + "\" (last N days I do)");
    }
    Optional<String> threshold = first(THRESHOLD, rest);
    if (threshold.isPresent()) {
      return unmapped("it filters by a threshold (\"" + threshold.get() + "\"), which this agent cannot do yet");
    }

    List<Filter> filters = new ArrayList<>();
    ids(STORE_IDS, Dimension.STORE, rest).ifPresent(filters::add);
    ids(PRODUCT_IDS, Dimension.PRODUCT, rest).ifPresent(filters::add);

    TreeMap<Integer, Dimension> dimensions = new TreeMap<>();
    Set<Dimension> singular = new LinkedHashSet<>();
    takeBreakdowns(rest, dimensions, singular);
    for (MatchResult adjective : take(DimensionWords.TIME_ADJECTIVES, rest)) {
      dimensions.putIfAbsent(adjective.start(), timeDimension(adjective.group()));
    }

    TimeScan time = timeWords.scan(rest.toString());
    List<String> unreadTime = time.unrecognised().stream().filter(word -> !TIME_UNITS.contains(word)).toList();
    if (!unreadTime.isEmpty()) {
      return unmapped("I don't understand the period \"" + unreadTime.get(0) + "\"");
    }
    rest = new StringBuilder(time.remainder());
    List<TimeRange> periods = time.periods().stream().distinct().sorted(Comparator.comparing(TimeRange::from)).toList();
    if (periods.size() > 2) {
      return unmapped("it names more than two periods; compare two at a time");
    }

    filters.addAll(names(catalogue, rest));

    // seen before the ranking number and "best-selling" are taken, blanked after
    boolean highest = HIGHEST.matcher(rest).find();
    boolean lowest = LOWEST.matcher(rest).find();
    OptionalInt rankSize = rankSize(rest);
    boolean selling = !take(SELLING, rest).isEmpty();
    take(HIGHEST, rest);
    take(LOWEST, rest);

    List<Metric> metrics = new ArrayList<>();
    TreeMap<Integer, Metric> metricsAt = new TreeMap<>();
    for (MetricWords.Words words : MetricWords.ALL) {
      for (MatchResult match : take(words.pattern(), rest)) {
        metricsAt.putIfAbsent(match.start(), words.metric());
      }
    }
    metricsAt.values().stream().distinct().forEach(metrics::add);

    for (DimensionWords.Words words : DimensionWords.ALL) {
      for (MatchResult match : take(DimensionWords.pattern(words), rest)) {
        dimensions.putIfAbsent(match.start(), words.dimension());
        if (isSingular(match.group())) {
          singular.add(words.dimension());
        }
      }
    }
    Matcher leftoverBreakdown = LEFTOVER_BREAKDOWN.matcher(rest);
    while (leftoverBreakdown.find()) {
      if (!Vocabulary.ORDINARY.contains(leftoverBreakdown.group(1).toLowerCase(Locale.ROOT))) {
        return unmapped("it asks for a breakdown by \"" + leftoverBreakdown.group(1) + "\", which this agent does not have");
      }
    }
    Optional<String> unknownName = unknownName(rest, question);
    if (unknownName.isPresent()) {
      return unmapped("I don't know \"" + unknownName.get() + "\" among your stores, regions, cities, categories,"
          + " brands, products, customer segments or payment methods");
    }

    List<Dimension> breakdown = new ArrayList<>(new LinkedHashSet<>(dimensions.values()));
    TimeRange period = periods.isEmpty() ? TimeRange.ALL_TIME : periods.get(periods.size() - 1);
    if (anomalies) {
      return new Interpretation.Mapped(SemanticQuery.anomalies(filters, period));
    }
    if (metrics.isEmpty()) {
      if (!(highest || lowest || selling)) {
        return unmapped("it does not name a measure I know");
      }
      // "how many … did we sell", "best-selling products": a count of goods
      boolean goods = breakdown.stream().anyMatch(QuestionParser::isGoods)
          || filters.stream().anyMatch(f -> isGoods(f.dimension())) || HOW_MANY.matcher(question).find();
      metrics.add(selling && goods ? Metric.UNITS : Metric.REVENUE);
    }
    if (highest && lowest) {
      return unmapped("it asks for both the highest and the lowest; ask for one at a time");
    }
    boolean ranked = highest || lowest;
    if (ranked && breakdown.isEmpty()) {
      breakdown.add(Dimension.STORE);
    }
    Optional<TimeRange> earlier = Optional.empty();
    if (periods.size() == 2) {
      earlier = Optional.of(periods.get(0));
      if (breakdown.stream().anyMatch(Dimension::isTime)) {
        return unmapped("it compares two periods and breaks them down by time; ask for one or the other");
      }
    } else if (compare || change && !trend) {
      return unmapped("a comparison needs both periods named (e.g. \"this month vs last month\")");
    }
    if (trend && breakdown.stream().noneMatch(Dimension::isTime)) {
      boolean daily = !period.isAllTime() && Duration.between(period.from(), period.to()).compareTo(LONGEST_DAILY_TREND) <= 0;
      breakdown.add(0, daily ? Dimension.DAY : Dimension.MONTH);
    }
    if (share && breakdown.isEmpty()) {
      return unmapped("a share of the total needs a breakdown (e.g. \"share of revenue by region\")");
    }
    Optional<Ranking> ranking = Optional.empty();
    if (ranked) {
      int size = rankSize.orElse(singular.containsAll(breakdown.subList(0, 1)) ? 1 : DEFAULT_RANK_SIZE);
      if (size < 1) {
        return unmapped("a ranking needs at least one row");
      }
      ranking = Optional.of(new Ranking(highest, size));
    }
    return new Interpretation.Mapped(new SemanticQuery(SemanticQuery.Kind.MEASURES, metrics, breakdown, filters,
        period, earlier, ranking, share));
  }

  /** "by store", "per region and category", "for each month": the dimensions, in text order. */
  private static void takeBreakdowns(StringBuilder rest, TreeMap<Integer, Dimension> dimensions, Set<Dimension> singular) {
    for (DimensionWords.Words words : DimensionWords.ALL) {
      Matcher matcher = DimensionWords.pattern(words).matcher(rest);
      while (matcher.find()) {
        String before = rest.substring(0, matcher.start());
        Matcher prefix = BREAKDOWN.matcher(before);
        if (!prefix.find()) {
          continue;
        }
        dimensions.putIfAbsent(matcher.start(), words.dimension());
        blank(rest, prefix.start(), matcher.end());
        takeFollowing(rest, matcher.end(), dimensions);
        matcher = DimensionWords.pattern(words).matcher(rest);
      }
    }
  }

  /** "… by region and category": dimensions joined to a breakdown by "and" or a comma. */
  private static void takeFollowing(StringBuilder rest, int from, TreeMap<Integer, Dimension> dimensions) {
    int at = from;
    boolean more = true;
    while (more) {
      more = false;
      Matcher joiner = AND_ANOTHER.matcher(rest.substring(at));
      if (!joiner.find()) {
        return;
      }
      int wordStart = at + joiner.end();
      for (DimensionWords.Words words : DimensionWords.ALL) {
        Matcher next = DimensionWords.pattern(words).matcher(rest.substring(wordStart));
        if (next.lookingAt()) {
          dimensions.putIfAbsent(wordStart, words.dimension());
          blank(rest, at, wordStart + next.end());
          at = wordStart + next.end();
          more = true;
          break;
        }
      }
    }
  }

  /** Catalogue names, with the word that says their kind ("the North region"), as filters. */
  private static List<Filter> names(Catalogue catalogue, StringBuilder rest) {
    Map<Dimension, List<String>> byDimension = new LinkedHashMap<>();
    for (Mention mention : catalogue.mentions(rest, Vocabulary.ORDINARY)) {
      byDimension.computeIfAbsent(mention.dimension(), d -> new ArrayList<>());
      if (!byDimension.get(mention.dimension()).contains(mention.value())) {
        byDimension.get(mention.dimension()).add(mention.value());
      }
      blank(rest, mention.start(), mention.end());
      blankKindWords(rest, mention);
    }
    List<Filter> filters = new ArrayList<>();
    byDimension.forEach((dimension, values) -> filters.add(Filter.byName(dimension, values)));
    return filters;
  }

  private static void blankKindWords(StringBuilder rest, Mention mention) {
    Pattern kind = Vocabulary.kindWords(mention.dimension());
    Matcher after = pattern("^\\s*(?:" + Vocabulary.kindWordsAfter(mention.dimension()).pattern() + ")\\b")
        .matcher(rest.substring(mention.end()));
    if (after.find()) {
      blank(rest, mention.end(), mention.end() + after.end());
    }
    Matcher before = pattern("\\b(?:" + kind.pattern() + ")(?:\\s+(?:by|with|in|using|of|named|called))?\\s*$")
        .matcher(rest.substring(0, mention.start()));
    if (before.find()) {
      blank(rest, before.start(), mention.start());
    }
  }

  private static Optional<Filter> ids(Pattern pattern, Dimension dimension, StringBuilder rest) {
    List<Long> ids = new ArrayList<>();
    for (MatchResult match : take(pattern, rest)) {
      ids.add(Long.parseLong(match.group(1)));
      Matcher more = Pattern.compile("\\d+").matcher(match.group(2));
      while (more.find()) {
        ids.add(Long.parseLong(more.group()));
      }
    }
    return ids.isEmpty() ? Optional.empty() : Optional.of(Filter.byId(dimension, ids.stream().distinct().toList()));
  }

  /** "top 3", "the 3 best", "5 stores"; takes the number out of the text. */
  private static OptionalInt rankSize(StringBuilder rest) {
    Matcher rankThenNumber = RANK_THEN_NUMBER.matcher(rest);
    if (rankThenNumber.find()) {
      int size = number(rankThenNumber.group(1));
      blank(rest, rankThenNumber.start(1), rankThenNumber.end(1));
      return OptionalInt.of(size);
    }
    Matcher numberThenWord = NUMBER_THEN_WORD.matcher(rest);
    if (numberThenWord.find()) {
      int size = number(numberThenWord.group(1));
      blank(rest, numberThenWord.start(1), numberThenWord.end(1));
      return OptionalInt.of(size);
    }
    return OptionalInt.empty();
  }

  private static int number(String text) {
    String n = text.toLowerCase(Locale.ROOT);
    return NUMBER_WORDS.containsKey(n) ? NUMBER_WORDS.get(n) : Integer.parseInt(n);
  }

  /**
   * A capitalised word left over that is not the question's first word nor an ordinary word:
   * most likely a name the catalogue does not have. Answering without it would answer a wider
   * question than was asked.
   */
  private static Optional<String> unknownName(CharSequence rest, String question) {
    int firstWord = question.strip().isEmpty() ? 0 : question.indexOf(question.strip().charAt(0));
    Matcher word = CAPITALISED.matcher(rest);
    while (word.find()) {
      if (word.start() == firstWord || Vocabulary.ORDINARY.contains(word.group().toLowerCase(Locale.ROOT))) {
        continue;
      }
      return Optional.of(word.group());
    }
    return Optional.empty();
  }

  private static boolean isGoods(Dimension dimension) {
    return dimension == Dimension.PRODUCT || dimension == Dimension.BRAND || dimension == Dimension.CATEGORY;
  }

  /** "store", "time of day"; not "stores", "payment methods", "hours of the day". */
  private static boolean isSingular(String words) {
    return !Pattern.compile("(?i)\\b\\w+s\\b").matcher(words).find();
  }

  private static Dimension timeDimension(String adjective) {
    String word = adjective.toLowerCase(Locale.ROOT);
    return switch (word) {
      case "hourly" -> Dimension.HOUR;
      case "daily" -> Dimension.DAY;
      case "weekly" -> Dimension.WEEK;
      case "monthly" -> Dimension.MONTH;
      case "quarterly" -> Dimension.QUARTER;
      default -> Dimension.YEAR;
    };
  }

  private static Optional<String> first(Pattern pattern, CharSequence text) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? Optional.of(matcher.group().trim()) : Optional.empty();
  }

  /** Blanks out every match in {@code text} and returns the matches. */
  private static List<MatchResult> take(Pattern pattern, StringBuilder text) {
    List<MatchResult> taken = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      taken.add(matcher.toMatchResult());
    }
    taken.forEach(m -> blank(text, m.start(), m.end()));
    return taken;
  }

  private static void blank(StringBuilder text, int start, int end) {
    text.replace(start, end, " ".repeat(end - start));
  }

  private static Interpretation unmapped(String reason) {
    return new Interpretation.Unmapped(reason);
  }

  private static Pattern pattern(String regex) {
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
  }
}
