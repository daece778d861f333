package io.suqi.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void everyAgentHasItsOwnTaskTopic() {
    assertThat(Topics.tasksFor(AgentType.ANALYTICS).name()).isEqualTo("agent.analytics.tasks");
    assertThat(Topics.tasksFor(AgentType.SECURITY).name()).isEqualTo("agent.security.tasks");
  }

  @Test
  void topicNamesAreUnique() {
    assertThat(Topics.all()).extracting(Topic::name).doesNotHaveDuplicates().contains("suqi.queries",
        "suqi.responses", "suqi.agent-results", "suqi.orchestration-log", "retail.pos.transactions");
  }
}
