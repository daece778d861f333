package io.suqi.orchestrator.plan;

import java.util.Objects;

/**
 * One part of a question, as split off at a clause boundary.
 *
 * @param text the clause without its connecting words ("and tell me", "then", …)
 * @param afterThen whether it was joined by "then": the asker wants it done after what came before
 */
public record Clause(String text, boolean afterThen) {

  public Clause {
    Objects.requireNonNull(text, "text");
  }
}
