package io.suqi.agents.ml.training;

import io.suqi.schemas.MlJobEvent;
import io.suqi.schemas.Topics;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Publishes training progress to {@link Topics#ML_JOBS}, keyed by job id (so a job's events stay in order). */
public final class JobEvents implements AutoCloseable {

  private final Producer<String, MlJobEvent> producer;
  private final Clock clock;

  public JobEvents(String bootstrapServers, Clock clock) {
    this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0),
        Topics.ML_JOBS.keySerde().serializer(), Topics.ML_JOBS.valueSerde().serializer());
    this.clock = clock;
  }

  public JobProgress forJob(String jobId, String tenantId, String modelName) {
    return (stage, percent, message) -> producer.send(new ProducerRecord<>(Topics.ML_JOBS.name(), jobId,
        MlJobEvent.newBuilder().setJobId(jobId).setTenantId(tenantId).setModelName(modelName).setStage(stage)
            .setPercent(percent).setMessage(message).setTs(clock.instant()).build()));
  }

  @Override
  public void close() {
    producer.close();
  }
}
