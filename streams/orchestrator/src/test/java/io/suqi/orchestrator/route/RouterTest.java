package io.suqi.orchestrator.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.schemas.AgentType;
import io.suqi.schemas.Intent;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {

  private final Router router = new Router(EnumSet.of(AgentType.ANALYTICS, AgentType.RAG));

  @Test
  void an_intent_whose_agent_runs_goes_to_that_agent() {
    assertThat(router.route(Intent.ANALYTICS)).isEqualTo(new Route.ToAgent(AgentType.ANALYTICS));
    assertThat(router.route(Intent.RAG)).isEqualTo(new Route.ToAgent(AgentType.RAG));
  }

  @Test
  void an_intent_whose_agent_is_not_deployed_is_not_routed() {
    assertThat(router.route(Intent.ML)).isEqualTo(new Route.AgentNotDeployed(AgentType.ML));
  }

  @Test
  void general_is_out_of_scope_even_with_no_agents() {
    assertThat(router.route(Intent.GENERAL)).isEqualTo(new Route.OutOfScope());
    assertThat(new Router(Set.of()).route(Intent.GENERAL)).isEqualTo(new Route.OutOfScope());
  }

  @Test
  void every_intent_but_general_has_an_agent() {
    for (Intent intent : Intent.values()) {
      assertThat(Router.agentFor(intent).isPresent()).as(intent.name()).isEqualTo(intent != Intent.GENERAL);
    }
  }
}
