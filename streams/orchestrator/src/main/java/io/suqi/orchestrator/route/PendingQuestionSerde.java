package io.suqi.orchestrator.route;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON serde of the pending-question store (and its changelog). JSON rather than Avro: the store
 * is private to the orchestrator, so it needs no shared schema, and stays readable when debugging.
 */
public final class PendingQuestionSerde implements Serde<PendingQuestion> {

  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  @Override
  public Serializer<PendingQuestion> serializer() {
    return (topic, pending) -> {
      try {
        return pending == null ? null : JSON.writeValueAsBytes(pending);
      } catch (IOException e) {
        throw new SerializationException("cannot write pending question " + pending, e);
      }
    };
  }

  @Override
  public Deserializer<PendingQuestion> deserializer() {
    return (topic, bytes) -> {
      try {
        return bytes == null ? null : JSON.readValue(bytes, PendingQuestion.class);
      } catch (IOException e) {
        throw new SerializationException("not a pending question: " + e.getMessage(), e);
      }
    };
  }
}
