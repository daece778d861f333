package io.suqi.orchestrator.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suqi.schemas.AgentType;
import io.suqi.schemas.Intent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class PendingQuestionSerdeTest {

  private final PendingQuestionSerde serde = new PendingQuestionSerde();

  @Test
  void a_pending_question_survives_the_store() {
    // Given
    PendingQuestion pending = new PendingQuestion("tenant-a", Intent.ANALYTICS, 0.8, AgentType.ANALYTICS,
        Instant.parse("2025-01-01T10:00:00.123Z"), Instant.parse("2025-01-01T10:00:00.200Z"), "ana", "cache-key", true);

    // When
    byte[] bytes = serde.serializer().serialize("store", pending);

    // Then
    assertThat(serde.deserializer().deserialize("store", bytes)).isEqualTo(pending);
  }

  @Test
  void garbage_is_a_serialization_error() {
    assertThatThrownBy(() -> serde.deserializer().deserialize("store", "nope".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SerializationException.class);
  }
}
