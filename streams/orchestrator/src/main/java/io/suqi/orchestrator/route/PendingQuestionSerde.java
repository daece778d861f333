package io.suqi.orchestrator.route;

import com.fasterxml.jackson.databind.DeserializationFeature;
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
 * Instants are written as epoch milliseconds, the precision answers are timed in: this is written
 * for every routed question on the router's thread, where ISO text (or decimal seconds) took a
 * quarter of the serde's time. Entries with ISO text, as earlier versions wrote them, are read too.
 */
public final class PendingQuestionSerde implements Serde<PendingQuestion> {

  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
      .disable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS);

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
