package io.suqi.agents;

import io.suqi.schemas.AgentResult;
import io.suqi.schemas.AgentTask;

/** What an agent does with one task. {@link AgentRunner} turns exceptions into FAILED results. */
@FunctionalInterface
public interface TaskHandler {

  AgentResult handle(AgentTask task);
}
