package io.suqi.orchestrator.gate;

import io.suqi.schemas.AgentType;
import io.suqi.schemas.KeyRole;
import io.suqi.schemas.RejectionReason;
import java.util.Set;

/**
 * The security agent answers over the audit trail of the whole tenant — who asked what, who was
 * turned away — so only a key with the admin role may ask it. SQL mode asks as a user.
 */
final class RoleGate {

  static final String ADMIN_ONLY = "Only an admin key may ask the security agent (it shows every user's access "
      + "of this tenant). Ask with an admin key: bin/suqi tenant create TENANT --user NAME --admin";

  Verdict check(Asker asker, Set<AgentType> agents) {
    if (agents.contains(AgentType.SECURITY) && asker.role() != KeyRole.ADMIN) {
      return new Verdict.Rejected(RejectionReason.FORBIDDEN, ADMIN_ONLY, 0);
    }
    return new Verdict.Admitted(asker);
  }
}
