package io.suqi.orchestrator;

import io.suqi.orchestrator.classify.IntentClassifier;
import io.suqi.orchestrator.classify.TrainedIntentClassifier;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The orchestrator service: runs {@link OrchestratorTopology} on Kafka Streams. */
public final class Orchestrator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Orchestrator.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STATE_POLL = Duration.ofMillis(50);

  private final OrchestratorConfig config;
  private final IntentClassifier classifier;
  private final Clock clock;
  private KafkaStreams streams;
  private boolean stopped;

  /** An orchestrator classifying with the model trained on the shipped questions, on the system clock. */
  public Orchestrator(OrchestratorConfig config) {
    this(config, TrainedIntentClassifier.shipped(), Clock.systemUTC());
  }

  public Orchestrator(OrchestratorConfig config, IntentClassifier classifier, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.classifier = Objects.requireNonNull(classifier, "classifier");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Starts processing; returns at once (see {@link #awaitRunning}). The input topics must exist. */
  public synchronized void start() {
    if (streams != null || stopped) {
      throw new IllegalStateException("an orchestrator starts once; create a new one to start again");
    }
    streams = new KafkaStreams(OrchestratorTopology.build(config, classifier, clock), streamsProperties(config));
    // A failing stream thread is replaced rather than taking the whole orchestrator down.
    streams.setUncaughtExceptionHandler(e -> {
      LOG.error("orchestrator stream thread failed; replacing it", e);
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    streams.setStateListener((now, before) -> LOG.info("orchestrator {} -> {}", before, now));
    streams.start();
  }

  /**
   * Waits until the orchestrator processes records (state RUNNING).
   *
   * @throws IllegalStateException if it was not started, stopped or failed, or is not running in time
   */
  public void awaitRunning(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      KafkaStreams.State state = state();
      if (state == KafkaStreams.State.RUNNING) {
        return;
      }

      if (state == null || !state.isRunningOrRebalancing() && state != KafkaStreams.State.CREATED) {
        throw new IllegalStateException("orchestrator is not starting: state " + state);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("orchestrator not running after " + timeout + ": state " + state);
      }
      try {
        Thread.sleep(STATE_POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the orchestrator to run", e);
      }
    }
  }

  /** The Kafka Streams state, or null before {@link #start()}. */
  public synchronized KafkaStreams.State state() {
    return streams == null ? null : streams.state();
  }

  /** Stops processing and releases the state store. Idempotent. */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    if (streams != null && !streams.close(CLOSE_TIMEOUT)) {
      LOG.warn("orchestrator did not close within {}", CLOSE_TIMEOUT);
    }

  }

  @Override
  public void close() {
    stop();
  }

  /** The orchestrator's Kafka Streams settings (public so a benchmark can run other topologies as it runs). */
  public static Properties streamsProperties(OrchestratorConfig config) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
    // Quotas, throttles and the cache are state updated per question: exactly-once, so a crash
    // neither loses nor double-counts a question. Outputs are produced at once inside the open
    // transaction; the gateway and the agents read them uncommitted, so the commit interval does
    // not delay answers. A commit holds the stream thread for a few milliseconds: once a second
    // keeps that off all but a few questions (a crash replays at most that second, exactly once).
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
    // 2 ms: under load the outputs of many questions share a request (in the router benchmark 2 ms did
    // as well as 5, and a third better than 0), and an answer waits at most 2 ms more when idle.
    p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 2);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 10);
    config.groupInstanceId().ifPresent(id ->
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), id));
    return p;
  }
}
