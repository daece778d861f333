package io.suqi.connectors;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;

/**
 * A connector's state and its tasks' states, as {@code GET /connectors/NAME/status} reports them
 * (UNASSIGNED, RUNNING, PAUSED, STOPPED, FAILED, RESTARTING), with the stack trace of a failure.
 */
public record ConnectorHealth(String name, String state, String trace, List<TaskHealth> tasks) {

  public static final String RUNNING = "RUNNING";
  public static final String FAILED = "FAILED";

  public record TaskHealth(int id, String state, String trace) {}

  public ConnectorHealth {
    tasks = List.copyOf(tasks);
  }

  static ConnectorHealth of(ConnectorStateInfo info) {
    List<TaskHealth> tasks = info.tasks().stream()
        .map(t -> new TaskHealth(t.id(), t.state(), t.trace()))
        .sorted(Comparator.comparingInt(TaskHealth::id))
        .toList();
    return new ConnectorHealth(info.name(), info.connector().state(), info.connector().trace(), tasks);
  }

  /** The connector and all its tasks (at least one) run. */
  public boolean running() {
    return RUNNING.equals(state) && !tasks.isEmpty() && tasks.stream().allMatch(t -> RUNNING.equals(t.state()));
  }

  /** What failed (the connector or a task) and its trace, if anything did. */
  public Optional<String> failure() {
    if (FAILED.equals(state)) {
      return Optional.of("connector " + name + " FAILED: " + trace);
    }
    return tasks.stream().filter(t -> FAILED.equals(t.state())).findFirst()
        .map(t -> "task " + name + "-" + t.id() + " FAILED: " + t.trace());
  }
}
