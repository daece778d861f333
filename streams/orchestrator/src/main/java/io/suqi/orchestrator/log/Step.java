package io.suqi.orchestrator.log;

import java.util.Locale;

/** The steps of answering a question, numbered as in scout.orchestration_trace. */
public enum Step {
  CLASSIFY(1),
  ROUTE(2),
  AGENT(3),
  RESPOND(4);

  private final int number;

  Step(int number) {
    this.number = number;
  }

  public int number() {
    return number;
  }

  /** The step_name stored in the trace: "classify", "route", "agent", "respond". */
  public String stepName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
