package io.suqi.orchestrator;

import io.suqi.orchestrator.cache.CacheSettings;
import io.suqi.orchestrator.cost.PriceTable;
import io.suqi.orchestrator.gate.GateSettings;
import io.suqi.orchestrator.plan.PlanSettings;
import io.suqi.schemas.AgentType;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How an orchestrator runs.
 *
 * @param applicationId Kafka Streams application id: its consumer group and the prefix of its internal topics
 * @param bootstrapServers the Kafka cluster
 * @param stateDir where the pending-question store lives on disk
 * @param availableAgents the agents deployed; questions for the others are answered UNANSWERABLE
 * @param prices USD per 1,000 tokens of each agent's work, for the orchestration log
 * @param groupInstanceId a stable id of this instance (Kafka static membership): a restarted
 *     instance takes its partitions back at once instead of after the session timeout
 * @param gates the default limits of tenants whose policy sets none
 * @param cache how long answers are served from the cache
 * @param plans how long each step of a multi-step plan may take
 */
public record OrchestratorConfig(String applicationId, String bootstrapServers, Path stateDir,
    Set<AgentType> availableAgents, PriceTable prices, Optional<String> groupInstanceId,
    GateSettings gates, CacheSettings cache, PlanSettings plans) {

  public static final String DEFAULT_APPLICATION_ID = "suqi-orchestrator";

  public OrchestratorConfig {
    requireText(applicationId, "applicationId");
    requireText(bootstrapServers, "bootstrapServers");
    if (stateDir == null) {
      throw new IllegalArgumentException("stateDir must be set (a directory for the orchestrator's state store)");
    }
    if (availableAgents == null || availableAgents.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("availableAgents must be a set of agents without nulls (it may be empty)");
    }
    Objects.requireNonNull(prices, "prices (use PriceTable.builtIn() or PriceTable.free())");
    availableAgents = Set.copyOf(availableAgents);
    Objects.requireNonNull(groupInstanceId, "groupInstanceId (use Optional.empty() for dynamic membership)");
    Objects.requireNonNull(gates, "gates (use GateSettings.DEFAULTS)");
    Objects.requireNonNull(cache, "cache (use CacheSettings.DEFAULTS)");
    Objects.requireNonNull(plans, "plans (use PlanSettings.DEFAULTS)");
  }

  /** Default gate limits, cache and plan step timeout. */
  public OrchestratorConfig(String applicationId, String bootstrapServers, Path stateDir,
      Set<AgentType> availableAgents, PriceTable prices, Optional<String> groupInstanceId) {
    this(applicationId, bootstrapServers, stateDir, availableAgents, prices, groupInstanceId,
        GateSettings.DEFAULTS, CacheSettings.DEFAULTS, PlanSettings.DEFAULTS);
  }

  public OrchestratorConfig withGates(GateSettings gates) {
    return new OrchestratorConfig(applicationId, bootstrapServers, stateDir, availableAgents, prices,
        groupInstanceId, gates, cache, plans);
  }

  public OrchestratorConfig withCache(CacheSettings cache) {
    return new OrchestratorConfig(applicationId, bootstrapServers, stateDir, availableAgents, prices,
        groupInstanceId, gates, cache, plans);
  }

  public OrchestratorConfig withPlans(PlanSettings plans) {
    return new OrchestratorConfig(applicationId, bootstrapServers, stateDir, availableAgents, prices,
        groupInstanceId, gates, cache, plans);
  }

  /** Dynamic group membership. */
  public OrchestratorConfig(String applicationId, String bootstrapServers, Path stateDir,
      Set<AgentType> availableAgents, PriceTable prices) {
    this(applicationId, bootstrapServers, stateDir, availableAgents, prices, Optional.empty());
  }

  /** The default application id, every step free. */
  public OrchestratorConfig(String bootstrapServers, Path stateDir, Set<AgentType> availableAgents) {
    this(DEFAULT_APPLICATION_ID, bootstrapServers, stateDir, availableAgents, PriceTable.free());
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
