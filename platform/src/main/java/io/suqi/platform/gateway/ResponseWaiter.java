package io.suqi.platform.gateway;

import io.suqi.schemas.Response;
import io.suqi.schemas.Topics;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Hands each response on suqi.responses to the HTTP request waiting for it ({@link TopicTail}). */
final class ResponseWaiter implements AutoCloseable {

  private final Map<String, CompletableFuture<Response>> waiting = new ConcurrentHashMap<>();
  private final TopicTail tail;

  ResponseWaiter(String bootstrapServers) {
    tail = new TopicTail(bootstrapServers, Topics.RESPONSES, this::arrived);
  }

  /** Registers interest in a query's response; call before the question is published. */
  CompletableFuture<Response> expect(String queryId) {
    return waiting.computeIfAbsent(queryId, id -> new CompletableFuture<>());
  }

  void forget(String queryId) {
    waiting.remove(queryId);
  }

  private void arrived(String queryId, byte[] value) {
    CompletableFuture<Response> future = waiting.remove(queryId);
    if (future != null) {
      try {
        future.complete(Topics.RESPONSES.valueSerde().deserializer().deserialize(Topics.RESPONSES.name(), value));
      } catch (RuntimeException e) {
        future.completeExceptionally(e);
      }
    }
  }

  @Override
  public void close() {
    tail.close();
  }
}
