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
   * @param asker who was turned away, once the key gate knew; null when the key gate itself said no
   */
  record Rejected(RejectionReason reason, String message, long retryAfterMs, Asker asker) implements Verdict {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }

    public Rejected(RejectionReason reason, String message, long retryAfterMs) {
      this(reason, message, retryAfterMs, null);
    }

    Rejected of(Asker who) {
      return new Rejected(reason, message, retryAfterMs, who);
    }
  }
}
