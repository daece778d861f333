package io.suqi.agents.retail;

import io.suqi.agents.AgentResults;
import io.suqi.agents.TaskHandler;
import io.suqi.agents.TenantId;
import io.suqi.agents.TenantReadTransaction;
import io.suqi.agents.analytics.Column;
import io.suqi.agents.analytics.ReadOnlyQuery;
import io.suqi.agents.analytics.TabularResult;
import io.suqi.agents.time.TimeWords;
import io.suqi.schemas.AgentResult;
import io.suqi.schemas.AgentTask;
import io.suqi.schemas.Answer;
import io.suqi.schemas.Citation;
import io.suqi.schemas.ResultStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Answers retail-expert questions — seasonal stocking, competitor prices, store locations, bundles —
 * from the operational retail.* tables, as role {@value #ROLE} under row-level security. The question
 * only chooses fixed SQL; names it mentions are matched against the tenant's own catalogue and bound.
 */
public final class RetailAnswerer implements TaskHandler {

  static final String ROLE = "suqi_retail";
  private static final List<Citation> SOURCES = List.of(
      source("retail.transactions", "Transactions (completed only count)"),
      source("retail.transaction_items", "Transaction lines"),
      source("retail.products", "Products: our unit prices"),
      source("retail.competitor_prices", "Competitor price observations"),
      source("retail.stores", "Stores"), source("retail.customers", "Loyalty customers"));

  private final Clock clock;
  private final RetailConfig config;
  private final TimeWords timeWords;
  private final ReadOnlyQuery database;
  private final TenantReadTransaction context;

  public RetailAnswerer(DataSource dataSource, Clock clock, RetailConfig config) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.config = Objects.requireNonNull(config, "config");
    this.timeWords = new TimeWords(clock);
    this.database = new ReadOnlyQuery(dataSource, config.queries(), ROLE);
    this.context = new TenantReadTransaction(dataSource, ROLE, config.queries().statementTimeout());
  }

  @Override
  public AgentResult handle(AgentTask task) {
    long started = System.nanoTime();
    String question = task.getQuestion();
    Optional<RetailTopic> topic = RetailTopic.of(question);
    if (topic.isEmpty()) {
      return result(task, ResultStatus.UNANSWERABLE, AgentResults.textAnswer(whatICanAnswer(), null), null, started);
    }
    TenantId tenant = new TenantId(task.getTenantId());
    RetailQuery query = null;
    try {
      Context known = context.read(tenant, connection -> new Context(Catalogue.read(connection, tenant.value()),
          firstSaleDay(connection, tenant)));
      int rows = config.queries().maxRows();
      String lower = question.toLowerCase(Locale.ROOT);
      switch (topic.get()) {
        case SEASONAL_STOCKING -> {
          LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
          Season season = Season.named(question).orElse(Season.upcoming(today));
          Optional<SeasonalStocking.Plan> plan = SeasonalStocking.Plan.of(season, today, known.firstSaleDay());
          if (plan.isEmpty()) {
            return result(task, ResultStatus.UNANSWERABLE,
                AgentResults.textAnswer(SeasonalStocking.noSales(season, today), null), null, started);
          }
          Optional<String> category = known.catalogue().find(question, EnumSet.of(Catalogue.Kind.CATEGORY))
              .map(m -> m.values().get(0));
          boolean byProduct = category.isPresent() || lower.matches("(?s).*\\b(?:products?|items?|skus?)\\b.*");
          query = SeasonalStocking.query(tenant, plan.get(), category, byProduct, config.safetyBuffer(), rows);
        }
        case COMPETITOR_PRICES -> {
          Optional<Catalogue.Mention> scope = known.catalogue().find(question,
              EnumSet.of(Catalogue.Kind.CATEGORY, Catalogue.Kind.BRAND, Catalogue.Kind.PRODUCT));
          Optional<String> competitor = known.catalogue().find(question, EnumSet.of(Catalogue.Kind.COMPETITOR))
              .map(m -> m.values().get(0));
          boolean byCompetitor = lower.matches("(?s).*\\b(?:which competitor|by competitor|per competitor|each competitor"
              + "|cheapest competitor).*");
          query = CompetitorPrices.query(tenant, scope, competitor, CompetitorPrices.Ranking.of(question), byCompetitor,
              rows);
        }
        case STORE_LOCATIONS -> query = StoreLocations.query(tenant, timeWords.find(question), rows);
        case BUNDLES -> {
          Optional<Catalogue.Mention> anchor = known.catalogue().find(question,
              EnumSet.of(Catalogue.Kind.CATEGORY, Catalogue.Kind.BRAND, Catalogue.Kind.PRODUCT));
          boolean byCategory = lower.contains("categor");
          query = Bundles.query(tenant, timeWords.find(question), anchor, byCategory, rows);
        }
        default -> throw new IllegalStateException("unknown topic " + topic.get());
      }
      TabularResult table = database.run(tenant, query.statement());
      return result(task, ResultStatus.OK, answer(query, table), null, started);
    } catch (SQLException | RuntimeException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return result(task, ResultStatus.FAILED, AgentResults.textAnswer("The retail query failed: " + reason,
          query == null ? null : query.statement().withParameters()), reason, started);
    }
  }

  private record Context(Catalogue catalogue, LocalDate firstSaleDay) {}

  private static LocalDate firstSaleDay(java.sql.Connection connection, TenantId tenant) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT min(ts) FROM retail.transactions WHERE tenant_id = ? AND status = 'completed'")) {
      query.setString(1, tenant.value());
      try (ResultSet row = query.executeQuery()) {
        row.next();
        Timestamp first = row.getTimestamp(1);
        return first == null ? null : LocalDate.ofInstant(first.toInstant(), ZoneOffset.UTC);
      }
    }
  }

  private static Answer answer(RetailQuery query, TabularResult table) {
    return Answer.newBuilder()
        .setText(query.describe().apply(table))
        .setSql(query.statement().withParameters())
        .setColumns(table.columns().stream().map(Column::name).toList())
        .setColumnTypes(table.columns().stream().map(c -> c.type().wireName()).toList())
        .setRows(table.rows())
        .setCitations(SOURCES)
        .build();
  }

  static String whatICanAnswer() {
    return "I am the retail expert. I can recommend, from your own sales data: "
        + Arrays.stream(RetailTopic.values()).map(RetailTopic::description).collect(Collectors.joining("; ")) + ".";
  }

  private static Citation source(String table, String title) {
    return Citation.newBuilder().setSourceId(table).setTitle(title).build();
  }

  private AgentResult result(AgentTask task, ResultStatus status, Answer answer, String error, long started) {
    return AgentResults.of(task, status, answer, error, Duration.ofNanos(System.nanoTime() - started), clock.instant());
  }
}
