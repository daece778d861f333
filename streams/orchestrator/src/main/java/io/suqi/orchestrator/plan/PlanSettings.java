package io.suqi.orchestrator.plan;

import java.time.Duration;

/**
 * @param stepTimeout how long a plan step's agent has to answer once asked; then the step is
 *     missing and the question is answered with what has arrived
 */
public record PlanSettings(Duration stepTimeout) {

  /**
   * 4 s: a plan two steps deep (retail advice on analytics figures) then answers, partially if it
   * must, within the gateway's default 10 s wait, with a second of scanning per step to spare.
   */
  public static final PlanSettings DEFAULTS = new PlanSettings(Duration.ofSeconds(4));

  public PlanSettings {
    if (stepTimeout == null || stepTimeout.isNegative() || stepTimeout.isZero()) {
      throw new IllegalArgumentException("plan stepTimeout must be positive, was " + stepTimeout);
    }
  }
}
