package io.suqi.platform.gateway;

import io.suqi.schemas.ResponseStep;
import io.suqi.schemas.Topics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each progress step on suqi.response-steps to the streaming request (SSE) of its question
 * ({@link TopicTail}). Only steps of a question someone follows are decoded.
 */
final class StepFeed implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StepFeed.class);

  private final Map<String, Consumer<ResponseStep>> following = new ConcurrentHashMap<>();
  private final TopicTail tail;

  StepFeed(String bootstrapServers) {
    tail = new TopicTail(bootstrapServers, Topics.RESPONSE_STEPS, this::arrived);
  }

  /** Every step of the query from now on goes to {@code listener} (on the reading thread; it must not block). */
  void follow(String queryId, Consumer<ResponseStep> listener) {
    following.put(queryId, listener);
  }

  void unfollow(String queryId) {
    following.remove(queryId);
  }

  private void arrived(String queryId, byte[] value) {
    Consumer<ResponseStep> listener = following.get(queryId);
    if (listener == null) {
      return;
    }
    try {
      listener.accept(Topics.RESPONSE_STEPS.valueSerde().deserializer().deserialize(Topics.RESPONSE_STEPS.name(), value));
    } catch (RuntimeException e) {
      LOG.warn("skipping a progress step of {} that cannot be read: {}", queryId, e.getMessage());
    }
  }

  @Override
  public void close() {
    tail.close();
  }
}
