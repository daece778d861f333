package io.suqi.orchestrator;

import io.suqi.orchestrator.classify.IntentClassifier;
import io.suqi.schemas.AgentTask;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.Topic;
import io.suqi.schemas.Topics;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The orchestrator's topology on a TopologyTestDriver, with typed access to its topics. */
final class TopologyFixture implements AutoCloseable {

  final TopologyTestDriver driver;

  TopologyFixture(OrchestratorConfig config, IntentClassifier classifier, MutableClock clock, Path stateDir) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(OrchestratorTopology.build(config, classifier, clock), props);
  }

  <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
    return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
    return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }

  TestOutputTopic<String, AgentTask> tasksOf(AgentType agent) {
    return output(Topics.tasksFor(agent));
  }

  @Override
  public void close() {
    driver.close();
  }
}
