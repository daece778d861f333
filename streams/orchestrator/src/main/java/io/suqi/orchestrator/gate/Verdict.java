package io.suqi.orchestrator.gate;

import io.suqi.schemas.RejectionReason;
import java.util.Objects;

/** What the gates decided about a question. */
public sealed interface Verdict {

  /** The question may go on, asked by {@code asker}. */
  record Admitted(Asker asker) implements Verdict {
    public Admitted {
      Objects.requireNonNull(asker, "asker");
    }
  }

  /**
   * The question is turned away.
   *
   * @param message what the asker reads: why, and what to do
   * @param retryAfterMs when asking again can succeed; 0 when it cannot
   */
  record Rejected(RejectionReason reason, String message, long retryAfterMs) implements Verdict {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }
  }
}
