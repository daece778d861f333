package io.suqi.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

class TenantPartitionerTest {

  @Test
  void aQuestionAndItsResultLandOnTheTenantsPartitionWhateverTheirKeys() {
    Question question = Question.newBuilder().setQueryId("q-1").setTenantId("acme").setQuestion("revenue")
        .setSubmittedAt(Instant.EPOCH).build();
    AgentResult result = AgentResult.newBuilder().setQueryId("q-1").setTenantId("acme")
        .setAgent(AgentType.ANALYTICS).setStepNumber(1).setStatus(ResultStatus.OK)
        .setAnswer(Answer.newBuilder().setText("42").build()).setCompletedAt(Instant.EPOCH).build();

    int expected = Utils.toPositive(Utils.murmur2("acme".getBytes(StandardCharsets.UTF_8))) % 3;
    assertThat(TenantPartitioner.partitionOf(TenantPartitioner.tenantOf(question), 3)).isEqualTo(expected);
    assertThat(TenantPartitioner.partitionOf(TenantPartitioner.tenantOf(result), 3)).isEqualTo(expected);
  }

  @Test
  void aValueWithoutATenantIsRefusedWithTheReason() {
    assertThatThrownBy(() -> TenantPartitioner.tenantOf("plain text"))
        .hasMessageContaining("needs an Avro record value");
    DeadLetter noTenant = DeadLetter.newBuilder().setSourceTopic("t").setPartition(0).setOffset(0)
        .setReason("r").setFailedAt(Instant.EPOCH).build();
    assertThatThrownBy(() -> TenantPartitioner.tenantOf(noTenant)).hasMessageContaining("has no tenant_id field");
    assertThatThrownBy(() -> TenantPartitioner.partitionOf(null, 3)).hasMessageContaining("tenant_id is required");
  }
}
