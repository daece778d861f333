package io.suqi.orchestrator.gate;

import io.suqi.schemas.RejectionReason;
import io.suqi.schemas.TenantPolicy;
import java.util.List;
import java.util.Locale;

/** Lets a question through only from a platform its tenant may use; every platform until restricted. */
final class PlatformGate {

  Verdict check(Asker asker, String platform, TenantPolicy policy) {
    List<String> allowed = policy == null ? null : policy.getPlatforms();
    if (allowed == null || allowed.stream().anyMatch(p -> p.equalsIgnoreCase(platform))) {
      return new Verdict.Admitted(asker);
    }
    return new Verdict.Rejected(RejectionReason.PLATFORM_NOT_ALLOWED, String.format(Locale.ROOT,
        "tenant %s may not ask from platform '%s' (allowed: %s); send X-Suqi-Platform with one of those",
        asker.tenantId(), platform, String.join(", ", allowed)), 0);
  }
}
