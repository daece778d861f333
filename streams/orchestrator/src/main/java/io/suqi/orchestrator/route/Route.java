package io.suqi.orchestrator.route;

import io.suqi.schemas.AgentType;
import java.util.Objects;

/** Where a classified question goes: to an agent, or answered directly because no agent can take it. */
public sealed interface Route {

  /** The question goes to this agent's task topic. */
  record ToAgent(AgentType agent) implements Route {
    public ToAgent {
      Objects.requireNonNull(agent, "agent");
    }
  }

  /** The question is outside what Suqi answers (intent GENERAL). */
  record OutOfScope() implements Route {}

  /** The question needs an agent this deployment does not run. */
  record AgentNotDeployed(AgentType agent) implements Route {
    public AgentNotDeployed {
      Objects.requireNonNull(agent, "agent");
    }
  }
}
