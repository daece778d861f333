package io.suqi.orchestrator.gate;

import io.suqi.schemas.KeyRole;
import java.util.Objects;
import java.util.Optional;

/** Who asks a question, once the key gate has checked it: the tenant, the user if known, the role. */
public record Asker(String tenantId, Optional<String> userId, KeyRole role) {

  public Asker {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(role, "role");
  }
}
