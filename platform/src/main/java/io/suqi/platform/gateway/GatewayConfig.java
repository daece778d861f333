package io.suqi.platform.gateway;

import java.time.Duration;

/**
 * @param host address the HTTP server binds (loopback in the embedded runtime)
 * @param askTimeout how long POST /v1/ask waits for the answer before answering "timeout"
 * @param threads requests served at once
 */
public record GatewayConfig(String host, int port, String bootstrapServers, Duration askTimeout, int threads) {

  public static final String DEFAULT_PLATFORM = "chat";

  public GatewayConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("gateway port must be 0-65535, got " + port);
    }
    if (askTimeout.isNegative() || askTimeout.isZero()) {
      throw new IllegalArgumentException("ask timeout must be positive, got " + askTimeout);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("gateway threads must be at least 1, got " + threads);
    }
  }
}
