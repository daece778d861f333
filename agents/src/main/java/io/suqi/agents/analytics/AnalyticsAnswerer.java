package io.suqi.agents.analytics;

import io.suqi.agents.AgentResults;
import io.suqi.agents.TaskHandler;
import io.suqi.agents.TenantId;
import io.suqi.agents.analytics.catalogue.CatalogueCache;
import io.suqi.agents.analytics.catalogue.CatalogueReader;
import io.suqi.agents.analytics.semantic.SemanticQuery;
import io.suqi.agents.time.TimeWords;
import io.suqi.schemas.AgentResult;
import io.suqi.schemas.AgentTask;
import io.suqi.schemas.Answer;
import io.suqi.schemas.ResultStatus;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one analytics task from PostgreSQL, without Kafka: question → {@link SemanticQuery}
 * → parameterised SQL for the task's tenant → rows → {@link AgentResult}. Never throws: a
 * question it cannot map is UNANSWERABLE, a failing query is FAILED with the reason.
 */
public final class AnalyticsAnswerer implements TaskHandler {

  private static final Logger LOG = LoggerFactory.getLogger(AnalyticsAnswerer.class);

  private final Clock clock;
  private final AnalyticsConfig config;
  private final QuestionParser parser;
  private final SqlWriter sqlWriter = new SqlWriter();
  private final ReadOnlyQuery database;
  private final CatalogueCache catalogues;

  public AnalyticsAnswerer(DataSource dataSource, Clock clock, AnalyticsConfig config) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.config = Objects.requireNonNull(config, "config");
    this.parser = new QuestionParser(new TimeWords(clock));
    this.database = new ReadOnlyQuery(dataSource, config);
    CatalogueReader reader = new CatalogueReader();
    this.catalogues = new CatalogueCache(tenantId -> database.read(new TenantId(tenantId),
        connection -> reader.read(connection, tenantId)), clock, CatalogueCache.DEFAULT_TIME_TO_LIVE);
  }

  @Override
  public AgentResult handle(AgentTask task) {
    long started = System.nanoTime();
    SqlStatement statement = null;
    try {
      TenantId tenant = new TenantId(task.getTenantId());
      Interpretation meaning = parser.parse(task.getQuestion(), catalogues.of(tenant.value()));
      if (meaning instanceof Interpretation.Unmapped unmapped) {
        Answer answer = AgentResults.textAnswer(AnswerText.unanswerable(unmapped.reason()), null);
        return result(task, ResultStatus.UNANSWERABLE, answer, null, started);
      }
      SemanticQuery query = ((Interpretation.Mapped) meaning).query();
      statement = sqlWriter.write(query, tenant, config.maxRows());
      TabularResult table = database.run(tenant, statement);
      return result(task, ResultStatus.OK, answer(query, statement, table, clock.instant()), null, started);
    } catch (SQLException | RuntimeException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      LOG.warn("analytics query {} failed: {}", task.getQueryId(), reason);
      Answer answer = AgentResults.textAnswer("The analytics query failed: " + reason,
          statement == null ? null : statement.withParameters());
      return result(task, ResultStatus.FAILED, answer, reason, started);
    }
  }

  private static Answer answer(SemanticQuery query, SqlStatement statement, TabularResult table, Instant now) {
    return Answer.newBuilder()
        .setText(AnswerText.describe(query, table, now))
        .setSql(statement.withParameters())
        .setColumns(table.columns().stream().map(Column::name).toList())
        .setColumnTypes(table.columns().stream().map(c -> c.type().wireName()).toList())
        .setRows(table.rows())
        .setCitations(List.of())
        .build();
  }

  private AgentResult result(AgentTask task, ResultStatus status, Answer answer, String error, long started) {
    return AgentResults.of(task, status, answer, error, Duration.ofNanos(System.nanoTime() - started), clock.instant());
  }
}
