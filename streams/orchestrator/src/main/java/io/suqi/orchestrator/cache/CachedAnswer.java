package io.suqi.orchestrator.cache;

import io.suqi.schemas.Response;
import io.suqi.schemas.Topics;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/** An answer in the cache, with when it was computed and until when it may be served. */
record CachedAnswer(Response response, long cachedAtMillis, long expiresAtMillis) {

  CachedAnswer {
    Objects.requireNonNull(response, "response");
  }

  /** The cached time stamps, then the response as on suqi.responses (Avro single-object encoding). */
  static Serde<CachedAnswer> serde() {
    Serializer<Response> responses = Topics.RESPONSES.valueSerde().serializer();
    Deserializer<Response> responseReader = Topics.RESPONSES.valueSerde().deserializer();
    Serializer<CachedAnswer> serializer = (topic, cached) -> {
      if (cached == null) {
        return null;
      }
      byte[] response = responses.serialize(topic, cached.response());
      return ByteBuffer.allocate(16 + response.length).putLong(cached.cachedAtMillis())
          .putLong(cached.expiresAtMillis()).put(response).array();
    };
    Deserializer<CachedAnswer> deserializer = (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      long cachedAt = buffer.getLong();
      long expiresAt = buffer.getLong();
      return new CachedAnswer(responseReader.deserialize(topic, Arrays.copyOfRange(bytes, 16, bytes.length)),
          cachedAt, expiresAt);
    };
    return Serdes.serdeFrom(serializer, deserializer);
  }
}
