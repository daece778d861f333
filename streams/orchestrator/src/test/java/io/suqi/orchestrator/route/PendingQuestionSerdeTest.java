package io.suqi.orchestrator.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suqi.orchestrator.plan.Plan;
import io.suqi.orchestrator.plan.PlanProgress;
import io.suqi.orchestrator.plan.PlanStep;
import io.suqi.orchestrator.plan.StepAnswer;
import io.suqi.orchestrator.plan.StepProgress;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.Intent;
import io.suqi.schemas.StepStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
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
    assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"routedAt\":1735725600200");
  }

  @Test
  void a_plan_in_progress_survives_the_store() {
    // Given a plan whose first step answered (a null cell included) while the second waits for it
    PlanStep figures = new PlanStep(1, AgentType.ANALYTICS, Intent.ANALYTICS, 0.9, "revenue by region", List.of());
    PlanStep advice = new PlanStep(2, AgentType.RETAIL, Intent.RETAIL, 0.8, "what to stock", List.of(1));
    PlanProgress plan = PlanProgress.start(new Plan(List.of(figures, advice)), "chat", 10);
    Instant asked = Instant.parse("2025-01-01T10:00:00.200Z");
    StepProgress answered = new StepProgress(figures, StepStatus.ANSWERED, asked, asked.plusMillis(80),
        new StepAnswer("North leads", "SELECT 1", List.of("region", "revenue"), List.of("text", "decimal"),
            List.of(Arrays.asList("North", null)), List.of(new StepAnswer.Source("kb-1", "Doc", null))),
        null, 12, 70);
    PendingQuestion pending = new PendingQuestion("tenant-a", Intent.ANALYTICS, 0.7, AgentType.ANALYTICS,
        Instant.parse("2025-01-01T10:00:00.123Z"), asked, "ana", null, false, plan.with(answered), 0);

    // When
    byte[] bytes = serde.serializer().serialize("store", pending);

    // Then
    PendingQuestion read = serde.deserializer().deserialize("store", bytes);
    assertThat(read).isEqualTo(pending);
    assertThat(read.plan().ready()).extracting(StepProgress::number).containsExactly(2);
  }

  @Test
  void an_entry_written_before_plans_existed_is_a_question_sent_as_a_whole() {
    // Given the JSON an earlier version stored
    String old = "{\"tenantId\":\"tenant-a\",\"intent\":\"ANALYTICS\",\"confidence\":0.8,\"agent\":\"ANALYTICS\","
        + "\"submittedAt\":\"2025-01-01T10:00:00.123Z\",\"routedAt\":\"2025-01-01T10:00:00.200Z\","
        + "\"userId\":null,\"cacheKey\":\"k\",\"debug\":false}";

    // When
    PendingQuestion read = serde.deserializer().deserialize("store", old.getBytes(StandardCharsets.UTF_8));

    // Then
    assertThat(read.planned()).isFalse();
    assertThat(read.cacheKey()).isEqualTo("k");
    assertThat(read.submittedAt()).isEqualTo(Instant.parse("2025-01-01T10:00:00.123Z"));
  }

  @Test
  void garbage_is_a_serialization_error() {
    assertThatThrownBy(() -> serde.deserializer().deserialize("store", "nope".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SerializationException.class);
  }
}
