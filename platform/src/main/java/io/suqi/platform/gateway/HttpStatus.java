package io.suqi.platform.gateway;

import io.suqi.schemas.Rejection;
import io.suqi.schemas.Response;
import java.util.Optional;

/** The HTTP status of an answer: 200, or what the gate that turned the question away means. */
record HttpStatus(int code, Optional<Long> retryAfterSeconds) {

  static HttpStatus of(Response response) {
    Rejection rejection = response.getRejection();
    if (rejection == null) {
      return new HttpStatus(200, Optional.empty());
    }
    Optional<Long> retryAfter = rejection.getRetryAfterMs() > 0
        ? Optional.of((rejection.getRetryAfterMs() + 999) / 1000) : Optional.empty();
    return switch (rejection.getReason()) {
      case UNAUTHENTICATED -> new HttpStatus(401, Optional.empty());
      case PLATFORM_NOT_ALLOWED, FORBIDDEN -> new HttpStatus(403, Optional.empty());
      case THROTTLED, QUOTA_EXCEEDED -> new HttpStatus(429, retryAfter);
    };
  }
}
