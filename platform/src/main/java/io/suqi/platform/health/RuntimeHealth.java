package io.suqi.platform.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.suqi.orchestrator.Orchestrator;
import io.suqi.orchestrator.OrchestratorConfig;
import io.suqi.platform.health.ComponentHealth.Status;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The health of the whole system as seen from this process: Kafka, PostgreSQL, the orchestrator
 * and each agent (by their consumer groups, wherever they run: members, lag; plus the Streams state
 * and the last poll where they run in this process), the Kafka Connect connectors (by their REST
 * API) and the lakehouse job (where it runs in this process).
 */
public final class RuntimeHealth implements AutoCloseable {

  /** What only this process knows; each empty when the component runs elsewhere. */
  public record LocalParts(Optional<Supplier<String>> streamsState, Optional<Supplier<Map<String, Object>>> lakehouse,
      Map<AgentType, Supplier<Optional<Instant>>> agentHeartbeats, Map<AgentType, AgentIndex> agentIndexes) {

    public LocalParts(Optional<Supplier<String>> streamsState, Optional<Supplier<Map<String, Object>>> lakehouse,
        Map<AgentType, Supplier<Optional<Instant>>> agentHeartbeats) {
      this(streamsState, lakehouse, agentHeartbeats, Map.of());
    }
  }

  /**
   * An index an agent keeps of a CDC topic (the RAG agent's of kb.documents): how far behind its
   * consumer group is tells whether answers reflect the latest changes.
   */
  public record AgentIndex(String groupId, String topic, Supplier<Optional<Instant>> lastPoll) {}

  private static final String ROUTER_GROUP = OrchestratorConfig.DEFAULT_APPLICATION_ID;
  private static final String ASSEMBLER_GROUP =
      OrchestratorConfig.DEFAULT_APPLICATION_ID + Orchestrator.ASSEMBLER_SUFFIX;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Admin admin;
  private final ConsumerGroupProbe groups;
  private final DataSource db;
  private final Optional<String> connectUrl;
  private final Set<AgentType> deployedAgents;
  private final LocalParts local;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(ConsumerGroupProbe.timeout()).build();

  public RuntimeHealth(String bootstrapServers, DataSource db, Optional<String> connectUrl,
      Set<AgentType> deployedAgents, LocalParts local) {
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ConsumerGroupProbe.timeout().toMillis(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ConsumerGroupProbe.timeout().toMillis()));
    this.groups = new ConsumerGroupProbe(admin);
    this.db = db;
    this.connectUrl = connectUrl.map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    this.deployedAgents = Set.copyOf(deployedAgents);
    this.local = local;
  }

  /** Every component; each probe bounded by a few seconds, a failing probe is that component DOWN. */
  public HealthReport report() {
    List<ComponentHealth> components = new ArrayList<>();
    components.add(probe("kafka", this::kafka));
    components.add(probe("postgres", this::postgres));
    components.add(probe("orchestrator", this::orchestrator));
    for (AgentType agent : AgentType.values()) {
      components.add(probe("agent." + lower(agent), () -> agent(agent)));
    }
    components.addAll(connectors());
    components.add(local.lakehouse().map(status -> probe("lakehouse", () -> lakehouse(status.get())))
        .orElse(new ComponentHealth("lakehouse", Status.ABSENT, Map.of("runs", "in another process"))));
    return HealthReport.of(components);
  }

  private interface Probe {
    ComponentHealth run() throws Exception;
  }

  private static ComponentHealth probe(String name, Probe probe) {
    try {
      return probe.run();
    } catch (Exception e) {
      return ComponentHealth.down(name, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private ComponentHealth kafka() throws Exception {
    int brokers = admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size();
    return ComponentHealth.up("kafka", Map.of("brokers", brokers));
  }

  private ComponentHealth postgres() throws Exception {
    try (Connection c = db.getConnection()) {
      return c.isValid(3) ? ComponentHealth.up("postgres", Map.of()) : ComponentHealth.down("postgres", "not valid");
    }
  }

  /** The router's group (its figures at the top level, as before the assembler) and the assembler's. */
  private ComponentHealth orchestrator() throws Exception {
    var router = groups.probe(ROUTER_GROUP, List.of(Topics.QUERIES.name(), Topics.ANSWERED.name()));
    List<String> assembled = new ArrayList<>(List.of(Topics.AGENT_RESULTS.name(), Topics.PLANS.name()));
    for (AgentType agent : AgentType.values()) {
      assembled.add(Topics.tasksFor(agent).name());
    }
    var assembler = groups.probe(ASSEMBLER_GROUP, assembled);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("group_state", router.state());
    detail.put("members", router.members());
    detail.put("lag", router.lag());
    detail.put("assembler", Map.of("group_state", assembler.state(), "members", assembler.members(),
        "lag", assembler.lag()));
    local.streamsState().ifPresent(state -> detail.put("streams_state", state.get()));
    Status status = router.members() == 0 || assembler.members() == 0 ? Status.DOWN
        : "STABLE".equalsIgnoreCase(router.state()) && "STABLE".equalsIgnoreCase(assembler.state()) ? Status.UP
        : Status.DEGRADED;
    return new ComponentHealth("orchestrator", status, detail);
  }

  private ComponentHealth agent(AgentType agent) throws Exception {
    String name = "agent." + lower(agent);
    if (!deployedAgents.contains(agent)) {
      return new ComponentHealth(name, Status.ABSENT, Map.of("deployed", false));
    }
    var group = groups.probe("suqi-agent-" + lower(agent), List.of(Topics.tasksFor(agent).name()));
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("members", group.members());
    detail.put("lag", group.lag());
    detail.put("group_state", group.state());
    Optional.ofNullable(local.agentHeartbeats().get(agent)).flatMap(Supplier::get)
        .ifPresent(at -> detail.put("last_heartbeat", at.toString()));
    if (agent == AgentType.ML) {
      detail.put("models", PromotedModels.of(db)); // error since training and drift: ask "how is the forecast model doing"
    }
    AgentIndex index = local.agentIndexes().get(agent);
    if (index != null) {
      detail.put("index_lag", groups.probe(index.groupId(), List.of(index.topic())).lag());
      index.lastPoll().get().ifPresent(at -> detail.put("index_last_poll", at.toString()));
    }
    return new ComponentHealth(name, group.members() > 0 ? Status.UP : Status.DOWN, detail);
  }

  private List<ComponentHealth> connectors() {
    if (connectUrl.isEmpty()) {
      return List.of(new ComponentHealth("connect", Status.ABSENT, Map.of("runs", "in another process")));
    }
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(connectUrl.get()
          + "/connectors?expand=status")).timeout(ConsumerGroupProbe.timeout()).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      List<ComponentHealth> connectors = new ArrayList<>();
      JsonNode all = JSON.readTree(response.body());
      all.fields().forEachRemaining(entry -> {
        JsonNode status = entry.getValue().path("status");
        String state = status.path("connector").path("state").asText();
        List<String> tasks = new ArrayList<>();
        status.path("tasks").forEach(task -> tasks.add(task.path("state").asText()));
        boolean running = "RUNNING".equals(state) && !tasks.isEmpty() && tasks.stream().allMatch("RUNNING"::equals);
        connectors.add(new ComponentHealth("connector." + entry.getKey(), running ? Status.UP : Status.DOWN,
            Map.of("state", state, "tasks", tasks)));
      });
      return connectors;
    } catch (Exception e) {
      return List.of(ComponentHealth.down("connect", e.getClass().getSimpleName() + ": " + e.getMessage()));
    }
  }

  private static ComponentHealth lakehouse(Map<String, Object> status) {
    boolean running = "RUNNING".equals(status.get("job_status"));
    long sinceProgress = ((Number) status.get("seconds_since_progress")).longValue();
    long patience = ((Number) status.get("patience_seconds")).longValue();
    Status health = !running ? Status.DOWN : sinceProgress > patience / 2 ? Status.DEGRADED : Status.UP;
    return new ComponentHealth("lakehouse", health, status);
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public void close() {
    admin.close();
  }
}
