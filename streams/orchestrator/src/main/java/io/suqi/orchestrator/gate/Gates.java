package io.suqi.orchestrator.gate;

import io.suqi.schemas.AgentType;
import io.suqi.schemas.ApiKey;
import io.suqi.schemas.Question;
import io.suqi.schemas.TenantPolicy;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The gates a question passes before any agent is asked, in order: key (who asks), role (the
 * security agent answers admins only), platform (from where), token quota (how much), throttle (how
 * often). The first that says no decides.
 */
public final class Gates {

  private final GateSettings defaults;
  private final KeyGate keys;
  private final RoleGate roles = new RoleGate();
  private final PlatformGate platforms = new PlatformGate();
  private final Throttle throttle = new Throttle();
  private final TokenQuota quota;
  private final KeyValueStore<String, TenantPolicy> policies;
  private final KeyValueStore<String, AskerState> askers;

  Gates(GateSettings defaults, KeyValueStore<String, ApiKey> apiKeys, KeyValueStore<String, TenantPolicy> policies,
      KeyValueStore<String, AskerState> askers) {
    this.defaults = defaults;
    this.keys = new KeyGate(apiKeys::get);
    this.policies = policies;
    this.askers = askers;
    this.quota = new TokenQuota(askers);
  }

  /** The gates over the stores of {@link GateStores}, connected to the calling processor. */
  public static Gates connect(ProcessingContext context, GateSettings defaults) {
    return new Gates(defaults, context.getStateStore(GateStores.API_KEYS),
        context.getStateStore(GateStores.TENANT_POLICIES), context.getStateStore(GateStores.ASKERS));
  }

  /** The tenant's policy, or null for the defaults; read once per question and given to {@link #admit}. */
  public TenantPolicy policyOf(String tenantId) {
    return policies.get(tenantId);
  }

  /**
   * @param policy the policy of the question's tenant ({@link #policyOf}); the key gate admits a
   *     question only as its own tenant, so it is the asker's policy too
   * @param agents the agents the question would ask
   */
  public Verdict admit(Question question, TenantPolicy policy, Set<AgentType> agents, Instant now) {
    Verdict verdict = keys.check(question);
    if (!(verdict instanceof Verdict.Admitted admitted)) {
      return verdict;
    }
    Asker asker = admitted.asker();
    verdict = roles.check(asker, agents);
    if (verdict instanceof Verdict.Rejected rejected) {
      return rejected.of(asker);
    }
    verdict = platforms.check(asker, question.getPlatform(), policy);
    if (verdict instanceof Verdict.Rejected rejected) {
      return rejected.of(asker);
    }
    Limits limits = Limits.of(policy, defaults);
    AskerStates states = AskerStates.read(askers, asker);
    // Quota before throttle: a question the quota turns away must not use up a throttle token.
    verdict = quota.check(asker, limits, states, now.toEpochMilli());
    if (verdict instanceof Verdict.Rejected rejected) {
      return rejected.of(asker);
    }
    verdict = throttle.take(asker, limits, states, now.toEpochMilli());
    return verdict instanceof Verdict.Rejected rejected ? rejected.of(asker) : verdict;
  }

  /** Counts an agent's tokens against the day's quotas of the tenant and the user. */
  public void recordTokens(String tenantId, Optional<String> userId, long tokens, Instant at) {
    quota.record(tenantId, userId, tokens, at.toEpochMilli());
  }

  /** Whether the policy asks for each step's detail in the trace. */
  public static boolean debug(TenantPolicy policy) {
    return policy != null && policy.getDebug();
  }
}
