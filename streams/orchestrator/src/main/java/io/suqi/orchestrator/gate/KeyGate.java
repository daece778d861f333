package io.suqi.orchestrator.gate;

import io.suqi.schemas.ApiKey;
import io.suqi.schemas.KeyRole;
import io.suqi.schemas.Question;
import io.suqi.schemas.RejectionReason;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks the API key a question came with against the keys the orchestrator knows (by hash, from
 * suqi.api-keys): known, not revoked, and of the question's tenant. A question without a key hash
 * was authenticated by its producer (SQL mode: the database role) and is asked as a user-role asker.
 */
final class KeyGate {

  private final Function<String, ApiKey> keysByHash;

  KeyGate(Function<String, ApiKey> keysByHash) {
    this.keysByHash = keysByHash;
  }

  Verdict check(Question question) {
    Optional<String> user = Optional.ofNullable(question.getUserId()).filter(u -> !u.isBlank());
    if (question.getApiKeyHash() == null) {
      return new Verdict.Admitted(new Asker(question.getTenantId(), user, KeyRole.USER));
    }
    ApiKey key = keysByHash.apply(question.getApiKeyHash());
    if (key == null) {
      return reject("unknown API key: create one with `bin/suqi tenant create NAME`");
    }
    if (key.getRevokedAt() != null) {
      return reject("this API key was revoked at " + key.getRevokedAt() + "; ask your administrator for a new one");
    }
    if (!key.getTenantId().equals(question.getTenantId())) {
      return reject("this API key does not belong to tenant " + question.getTenantId());
    }
    Optional<String> keyUser = Optional.ofNullable(key.getUserId());
    return new Verdict.Admitted(new Asker(key.getTenantId(), keyUser.isPresent() ? keyUser : user, key.getRole()));
  }

  private static Verdict reject(String message) {
    return new Verdict.Rejected(RejectionReason.UNAUTHENTICATED, message, 0);
  }
}
