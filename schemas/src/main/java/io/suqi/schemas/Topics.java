package io.suqi.schemas;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Every topic Suqi owns, with its serdes. No other code spells a topic name. */
public final class Topics {

  private static final int PARTITIONS = 3;
  private static final Serde<String> KEY = Serdes.String();

  /** Questions as asked; key query_id, partitioned by tenant ({@link TenantPartitioner}). */
  public static final Topic<String, Question> QUERIES =
      new Topic<>("suqi.queries", KEY, AvroSerde.of(Question.class), PARTITIONS);
  /** Records on suqi.queries that are not a Question, with the reason. */
  public static final Topic<String, DeadLetter> QUERIES_DEAD_LETTER =
      new Topic<>("suqi.queries.dlq", KEY, AvroSerde.of(DeadLetter.class), 1);
  /** What agents answered; key query_id, partitioned by tenant like {@link #QUERIES}, so each meets its question. */
  public static final Topic<String, AgentResult> AGENT_RESULTS =
      new Topic<>("suqi.agent-results", KEY, AvroSerde.of(AgentResult.class), PARTITIONS);
  /**
   * Multi-step plans, from the router to the assembler; key query_id, partitioned by tenant
   * ({@link TenantPartitioner}) like the results of their steps.
   */
  public static final Topic<String, PlannedQuestion> PLANS =
      new Topic<>("suqi.plans", KEY, AvroSerde.of(PlannedQuestion.class), PARTITIONS);
  /**
   * Agents' answers as the router keeps them (tokens for the quotas, the answer for the cache), from the
   * assembler; key query_id, partitioned by tenant so each reaches the task of its tenant's questions.
   */
  public static final Topic<String, AnsweredQuestion> ANSWERED =
      new Topic<>("suqi.answered", KEY, AvroSerde.of(AnsweredQuestion.class), PARTITIONS);
  public static final Topic<String, Response> RESPONSES =
      new Topic<>("suqi.responses", KEY, AvroSerde.of(Response.class), PARTITIONS);
  public static final Topic<String, ResponseStep> RESPONSE_STEPS =
      new Topic<>("suqi.response-steps", KEY, AvroSerde.of(ResponseStep.class), PARTITIONS);
  public static final Topic<String, OrchestrationEvent> ORCHESTRATION_LOG =
      new Topic<>("suqi.orchestration-log", KEY, AvroSerde.of(OrchestrationEvent.class), PARTITIONS);

  /**
   * API keys by hash, for the orchestrator's key gate: a table (latest value per key), partitioned
   * by tenant ({@link TenantPartitioner}) so each key is in the task of its tenant's questions.
   */
  public static final Topic<String, ApiKey> API_KEYS =
      new Topic<>("suqi.api-keys", KEY, AvroSerde.of(ApiKey.class), PARTITIONS, true);
  /** What each tenant may use (platforms, quotas): a table keyed (so partitioned) by tenant. */
  public static final Topic<String, TenantPolicy> TENANT_POLICIES =
      new Topic<>("suqi.tenant-policies", KEY, AvroSerde.of(TenantPolicy.class), PARTITIONS, true);

  /** Point-of-sale transactions as JSON (DESIGN §3.2), from any producer; key txn_id. */
  public static final Topic<String, String> POS_TRANSACTIONS =
      new Topic<>("retail.pos.transactions", KEY, Serdes.String(), PARTITIONS);
  /** Records the lakehouse could not accept (bad JSON, broken expectations), with the reason. */
  public static final Topic<String, DeadLetter> RETAIL_QUARANTINE =
      new Topic<>("retail.quarantine", KEY, AvroSerde.of(DeadLetter.class), 1);

  // Debezium change events (JSON, schemas disabled) of the operational tables, written by the
  // retail-cdc connector: key {"<pk>": …}, value {"before", "after", "source", "op", "ts_ms"}.
  public static final Topic<String, String> CDC_TENANTS = cdc("retail.tenants");
  public static final Topic<String, String> CDC_STORES = cdc("retail.stores");
  public static final Topic<String, String> CDC_PRODUCTS = cdc("retail.products");
  public static final Topic<String, String> CDC_CUSTOMERS = cdc("retail.customers");
  public static final Topic<String, String> CDC_TRANSACTIONS = cdc("retail.transactions");
  public static final Topic<String, String> CDC_TRANSACTION_ITEMS = cdc("retail.transaction_items");
  public static final Topic<String, String> CDC_COMPETITOR_PRICES = cdc("retail.competitor_prices");
  public static final Topic<String, String> CDC_KB_DOCUMENTS = cdc("kb.documents");

  public static final Topic<String, StoreMetric> METRICS_REALTIME =
      new Topic<>("retail.metrics.realtime", KEY, AvroSerde.of(StoreMetric.class), PARTITIONS);
  /** When the lakehouse last changed each tenant's gold tables: the orchestrator's cache drops older answers. */
  public static final Topic<String, GoldChange> GOLD_CHANGES =
      new Topic<>("retail.gold-changes", KEY, AvroSerde.of(GoldChange.class), PARTITIONS, true);
  public static final Topic<String, Anomaly> ANOMALIES =
      new Topic<>("retail.anomalies", KEY, AvroSerde.of(Anomaly.class), PARTITIONS);

  /** Progress of ML training jobs (stage, percent, message); key job_id. */
  public static final Topic<String, MlJobEvent> ML_JOBS =
      new Topic<>("ml.jobs", KEY, AvroSerde.of(MlJobEvent.class), PARTITIONS);

  private static final Map<AgentType, Topic<String, AgentTask>> AGENT_TASKS = new EnumMap<>(AgentType.class);

  static {
    for (AgentType agent : AgentType.values()) {
      // Partitioned by tenant ({@link TenantPartitioner}) like the results, so the assembler finds each
      // task and its result in one task of its own.
      AGENT_TASKS.put(agent, new Topic<>("agent." + agent.name().toLowerCase() + ".tasks", KEY,
          AvroSerde.of(AgentTask.class), PARTITIONS));
    }
  }

  private Topics() {}

  /** The prefix the retail-cdc connector gives its topics (Debezium's topic.prefix). */
  public static final String CDC_PREFIX = "cdc";

  private static Topic<String, String> cdc(String table) {
    return new Topic<>(CDC_PREFIX + "." + table, KEY, Serdes.String(), PARTITIONS);
  }

  /** The task topic of an agent: agent.analytics.tasks, agent.ml.tasks, … */
  public static Topic<String, AgentTask> tasksFor(AgentType agent) {
    return AGENT_TASKS.get(agent);
  }

  /** All topics, for creating them at start. */
  public static List<Topic<?, ?>> all() {
    Stream<Topic<?, ?>> owned = Stream.of(QUERIES, QUERIES_DEAD_LETTER, AGENT_RESULTS, PLANS, ANSWERED, RESPONSES,
        RESPONSE_STEPS, ORCHESTRATION_LOG, API_KEYS, TENANT_POLICIES, POS_TRANSACTIONS, RETAIL_QUARANTINE, CDC_TENANTS, CDC_STORES,
        CDC_PRODUCTS, CDC_CUSTOMERS, CDC_TRANSACTIONS, CDC_TRANSACTION_ITEMS, CDC_COMPETITOR_PRICES,
        CDC_KB_DOCUMENTS, METRICS_REALTIME, GOLD_CHANGES, ANOMALIES, ML_JOBS);
    return Stream.concat(owned, AGENT_TASKS.values().stream()).toList();
  }
}
