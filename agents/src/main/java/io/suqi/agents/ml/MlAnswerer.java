package io.suqi.agents.ml;

import io.suqi.agents.AgentResults;
import io.suqi.agents.TaskHandler;
import io.suqi.agents.TenantId;
import io.suqi.agents.ml.monitoring.ModelHealth;
import io.suqi.agents.ml.registry.ModelRegistry;
import io.suqi.agents.ml.registry.RegisteredModel;
import io.suqi.agents.ml.serving.Forecaster;
import io.suqi.agents.ml.serving.PredictionCache;
import io.suqi.agents.ml.training.FeatureReader;
import io.suqi.agents.ml.training.GradientBoostedTrees;
import io.suqi.agents.ml.training.StoreDay;
import io.suqi.agents.ml.training.TrainingJobs;
import io.suqi.schemas.AgentResult;
import io.suqi.schemas.AgentTask;
import io.suqi.schemas.Answer;
import io.suqi.schemas.Citation;
import io.suqi.schemas.ResultStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Answers ML questions: train (a background job), predict a store's revenue, feature importance, model health. */
public final class MlAnswerer implements TaskHandler {

  private final MlConfig config;
  private final TrainingJobs jobs;
  private final ModelRegistry registry;
  private final FeatureReader features;
  private final PredictionCache cache;
  private final Clock clock;

  public MlAnswerer(MlConfig config, TrainingJobs jobs, ModelRegistry registry, FeatureReader features,
      PredictionCache cache, Clock clock) {
    this.config = config;
    this.jobs = jobs;
    this.registry = registry;
    this.features = features;
    this.cache = cache;
    this.clock = clock;
  }

  @Override
  public AgentResult handle(AgentTask task) {
    long started = System.nanoTime();
    TenantId tenant = new TenantId(task.getTenantId());
    MlRequest request = MlRequest.of(task.getQuestion());
    try {
      return switch (request.kind()) {
        case TRAIN -> result(task, ResultStatus.OK, train(tenant), started);
        case PREDICT -> serving(task, tenant, started, model -> predict(tenant, model, request));
        case IMPORTANCE -> serving(task, tenant, started, this::importance);
        case HEALTH -> serving(task, tenant, started, model -> health(tenant, model));
        case UNKNOWN -> result(task, ResultStatus.UNANSWERABLE, AgentResults.textAnswer(
            "I can train the sales forecast model (\"train a sales forecast model\"), predict a store's revenue "
                + "(\"predict revenue for store 7 for the next 4 weeks\"), say which features matter most, and "
                + "report how the model is doing.", null), started);
      };
    } catch (SQLException | RuntimeException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return AgentResults.of(task, ResultStatus.FAILED, AgentResults.textAnswer("The ML agent failed: " + reason, null),
          reason, Duration.ofNanos(System.nanoTime() - started), clock.instant());
    }
  }

  private Answer train(TenantId tenant) {
    TrainingJobs.Started job = jobs.start(tenant, config.modelName());
    String text = (job.alreadyRunning() ? "A training job of " + config.modelName() + " is already running: "
        : "Started training job " + job.jobId() + " for " + config.modelName() + ": ")
        + job.jobId() + ". Follow it with: bin/suqi job " + job.jobId();
    return table(text, FeatureReader.SQL, List.of("job_id", "model", "state"), List.of("text", "text", "text"),
        List.of(List.of(job.jobId(), config.modelName(), job.alreadyRunning() ? "running" : "queued")), List.of());
  }

  private interface ModelAnswer {
    Answer from(RegisteredModel model) throws SQLException;
  }

  private AgentResult serving(AgentTask task, TenantId tenant, long started, ModelAnswer answer) throws SQLException {
    Optional<RegisteredModel> model = registry.serving(tenant, config.modelName());
    if (model.isEmpty()) {
      return result(task, ResultStatus.UNANSWERABLE, AgentResults.textAnswer("No " + config.modelName()
          + " model is promoted for this tenant yet: ask \"train a sales forecast model\" first.", null), started);
    }
    return result(task, ResultStatus.OK, answer.from(model.get()), started);
  }

  private Answer predict(TenantId tenant, RegisteredModel model, MlRequest request) throws SQLException {
    if (request.store().isEmpty()) {
      return AgentResults.textAnswer("Which store? Ask e.g. \"predict revenue for store 7 for the next 4 weeks\".",
          null);
    }
    long store = request.store().get();
    List<StoreDay> history = features.all(tenant).stream().filter(r -> r.storeId() == store).toList();
    if (history.isEmpty()) {
      return AgentResults.textAnswer("Store " + store + " has no sales in platinum.store_day_features for this "
          + "tenant, so there is nothing to forecast from.", FeatureReader.SQL);
    }
    java.time.LocalDate from = history.get(history.size() - 1).day().plusDays(1);
    List<Forecaster.DayForecast> forecast = cache.find(tenant, model.name(), model.version(), store, from,
        request.days());
    boolean cached = !forecast.isEmpty();
    if (!cached) {
      forecast = Forecaster.forecast(GradientBoostedTrees.fromBytes(model.artifact()), history, request.days());
      cache.put(tenant, model.name(), model.version(), store, forecast);
    }
    List<List<String>> rows = new ArrayList<>();
    double total = 0;
    for (Forecaster.DayForecast day : forecast) {
      rows.add(List.of(day.day().toString(), money(day.revenue())));
      total += day.revenue();
    }
    String text = String.format(Locale.ROOT, "Forecast revenue of store %d, %s to %s: %s in total, from %s version "
        + "%d (test MAPE %.2f%%, RMSE %.2f; seasonal-naive MAPE %.2f%%)%s.", store, from,
        forecast.get(forecast.size() - 1).day(), money(total), model.name(), model.version(), model.metrics().mape(),
        model.metrics().rmse(), model.baseline().mape(), cached ? ", served from the prediction cache" : "");
    return table(text, FeatureReader.SQL, List.of("day", "predicted_revenue"), List.of("date", "decimal"), rows,
        List.of(modelCitation(model)));
  }

  private Answer importance(RegisteredModel model) {
    List<List<String>> rows = new ArrayList<>();
    Map<String, Double> shares = GradientBoostedTrees.fromBytes(model.artifact()).importance();
    shares.forEach((feature, share) -> rows.add(List.of(feature, String.format(Locale.ROOT, "%.4f", share))));
    String top = rows.isEmpty() ? "none" : rows.get(0).get(0);
    return table("Features that matter most to " + model.name() + " version " + model.version()
        + " (share of the trees' total split gain): " + top + " first.", null, List.of("feature", "importance"),
        List.of("text", "decimal"), rows, List.of(modelCitation(model)));
  }

  private Answer health(TenantId tenant, RegisteredModel model) throws SQLException {
    ModelHealth health = ModelHealth.of(GradientBoostedTrees.fromBytes(model.artifact()), features.all(tenant),
        model.trainTo(), model.testTo());
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("test_mape", fmt(model.metrics().mape())));
    rows.add(List.of("test_rmse", fmt(model.metrics().rmse())));
    health.recentError().ifPresent(e -> {
      rows.add(List.of("recent_mape", fmt(e.mape())));
      rows.add(List.of("recent_rmse", fmt(e.rmse())));
    });
    health.drift().forEach((feature, psi) -> rows.add(List.of("psi_" + feature, fmt(psi))));
    String recent = health.recentError().map(e -> String.format(Locale.ROOT,
        "on the %d days since its test period MAPE is %.2f%% (test: %.2f%%)", health.recentDays(), e.mape(),
        model.metrics().mape())).orElse("there are no actuals after its test period yet");
    String text = model.name() + " version " + model.version() + " (trained " + model.trainedAt() + "): " + recent
        + (health.drift().isEmpty() ? "." : health.drifting()
            ? "; some features drifted from training (PSI above " + ModelHealth.DRIFT_ALERT + ")."
            : "; no feature drifted from training (every PSI at most " + ModelHealth.DRIFT_ALERT + ").");
    return table(text, FeatureReader.SQL, List.of("metric", "value"), List.of("text", "decimal"), rows,
        List.of(modelCitation(model)));
  }

  private static Citation modelCitation(RegisteredModel model) {
    return Citation.newBuilder().setSourceId("model:" + model.name() + "@v" + model.version())
        .setTitle(String.format(Locale.ROOT, "ml.models %s version %d: test %s to %s, MAPE %.2f%%, RMSE %.2f; "
            + "seasonal-naive MAPE %.2f%%, RMSE %.2f", model.name(), model.version(), model.testFrom(), model.testTo(),
            model.metrics().mape(), model.metrics().rmse(), model.baseline().mape(), model.baseline().rmse()))
        .setSnippet(model.decision()).setStartOffset(null).setEndOffset(null).build();
  }

  private static Answer table(String text, String sql, List<String> columns, List<String> types,
      List<List<String>> rows, List<Citation> citations) {
    return Answer.newBuilder().setText(text).setSql(sql).setColumns(columns).setColumnTypes(types)
        .setRows(new ArrayList<>(rows.stream().map(r -> (List<String>) new ArrayList<>(r)).toList()))
        .setCitations(citations).build();
  }

  private static String money(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  private static String fmt(double value) {
    return Double.isNaN(value) ? null : String.format(Locale.ROOT, "%.4f", value);
  }

  private AgentResult result(AgentTask task, ResultStatus status, Answer answer, long started) {
    return AgentResults.of(task, status, answer, null, Duration.ofNanos(System.nanoTime() - started), clock.instant());
  }
}
