package io.suqi.orchestrator.log;

import java.util.Locale;

/** The steps of answering a question, numbered as in scout.orchestration_trace. */
public enum Step {
  CLASSIFY(1),
  GATE(2),
  CACHE(3),
  ROUTE(4),
  AGENT(5),
  RESPOND(6);

  private final int number;

  Step(int number) {
    this.number = number;
  }

  public int number() {
    return number;
  }

  /** The step_name stored in the trace: "classify", "gate", "cache", "route", "agent", "respond". */
  public String stepName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
