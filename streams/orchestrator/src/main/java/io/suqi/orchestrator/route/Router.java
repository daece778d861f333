package io.suqi.orchestrator.route;

import io.suqi.schemas.AgentType;
import io.suqi.schemas.Intent;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Chooses the route of an intent given the agents this deployment runs. */
public final class Router {

  private final Set<AgentType> availableAgents;

  public Router(Set<AgentType> availableAgents) {
    this.availableAgents = availableAgents.isEmpty()
        ? EnumSet.noneOf(AgentType.class) : EnumSet.copyOf(availableAgents);
  }

  public Route route(Intent intent) {
    return agentFor(intent)
        .<Route>map(agent -> availableAgents.contains(agent) ? new Route.ToAgent(agent) : new Route.AgentNotDeployed(agent))
        .orElseGet(Route.OutOfScope::new);
  }

  /** The agent that answers an intent; none for GENERAL. Spelled out so a new intent must be mapped here. */
  public static Optional<AgentType> agentFor(Intent intent) {
    return switch (intent) {
      case ANALYTICS -> Optional.of(AgentType.ANALYTICS);
      case ML -> Optional.of(AgentType.ML);
      case RAG -> Optional.of(AgentType.RAG);
      case RETAIL -> Optional.of(AgentType.RETAIL);
      case SECURITY -> Optional.of(AgentType.SECURITY);
      case GENERAL -> Optional.empty();
    };
  }
}
