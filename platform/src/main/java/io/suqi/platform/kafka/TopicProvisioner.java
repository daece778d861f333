package io.suqi.platform.kafka;


import io.suqi.schemas.Topics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** Creates every topic of the catalogue that does not exist yet; existing topics are left as they are. */
public final class TopicProvisioner {

  private TopicProvisioner() {}

  /** Returns the names of the topics it created. */
  public static List<String> ensureTopics(String bootstrapServers, short replicationFactor) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000))) {
      Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
      List<NewTopic> missing = Topics.all().stream()
          .filter(topic -> !existing.contains(topic.name()))
          .map(topic -> new NewTopic(topic.name(), topic.partitions(), replicationFactor)
              .configs(topic.compacted() ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                  : Map.of()))
          .toList();
      admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
      return missing.stream().map(NewTopic::name).toList();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create the topics on Kafka at " + bootstrapServers + ": "
          + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }
}
