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

/**
 * The orchestrator service: runs the router and the assembler ({@link OrchestratorTopology}) as two
 * Kafka Streams applications, the assembler's id being the router's with {@value #ASSEMBLER_SUFFIX}.
 */
public final class Orchestrator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Orchestrator.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STATE_POLL = Duration.ofMillis(50);

  private final OrchestratorConfig config;
  private final IntentClassifier classifier;
  private final Clock clock;
  /** Appended to the application id for the assembler's. */
  public static final String ASSEMBLER_SUFFIX = "-assembler";

  private KafkaStreams router;
  private KafkaStreams assembler;
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
    if (router != null || stopped) {
      throw new IllegalStateException("an orchestrator starts once; create a new one to start again");
    }
    assembler = started("assembler", new KafkaStreams(OrchestratorTopology.assembler(config, clock),
        assemblerProperties(config)));
    router = started("router", new KafkaStreams(OrchestratorTopology.router(config, classifier, clock),
        streamsProperties(config)));
  }

  private static KafkaStreams started(String name, KafkaStreams streams) {
    // A failing stream thread is replaced rather than taking the whole orchestrator down.
    streams.setUncaughtExceptionHandler(e -> {
      LOG.error("orchestrator {} stream thread failed; replacing it", name, e);
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    streams.setStateListener((now, before) -> LOG.info("orchestrator {} {} -> {}", name, before, now));
    streams.start();
    return streams;
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

  /** The Kafka Streams state: the router's, unless the assembler's is not RUNNING; null before {@link #start()}. */
  public synchronized KafkaStreams.State state() {
    if (router == null) {
      return null;
    }
    KafkaStreams.State routerState = router.state();
    return routerState == KafkaStreams.State.RUNNING ? assembler.state() : routerState;
  }

  /** Stops processing and releases the state store. Idempotent. */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    close("router", router);
    close("assembler", assembler);
  }

  private static void close(String name, KafkaStreams streams) {
    if (streams != null && !streams.close(CLOSE_TIMEOUT)) {
      LOG.warn("orchestrator {} did not close within {}", name, CLOSE_TIMEOUT);
    }
  }

  @Override
  public void close() {
    stop();
  }

  /**
   * The assembler's settings: the router's, under its own application id, committing every 100 ms:
   * the router reads the answers it keeps (quotas, cache) once they are committed.
   */
  public static Properties assemblerProperties(OrchestratorConfig config) {
    Properties p = streamsProperties(config);
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId() + ASSEMBLER_SUFFIX);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    return p;
  }

  /** The router's Kafka Streams settings (public so a benchmark can run other topologies as it runs). */
  public static Properties streamsProperties(OrchestratorConfig config) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
    // Quotas, throttles and the cache are state updated per question: exactly-once, so a crash
    // neither loses nor double-counts a question. Outputs are produced at once inside the open
    // transaction; the gateway and the agents read them uncommitted, so the commit interval does
    // not delay answers (the assembler answers a result from the routing its agent echoed; only a
    // multi-step plan, which the assembler reads committed, waits for the router's commit). A
    // commit holds the stream thread for a few milliseconds: once a second keeps that off all but a
    // few questions (a crash replays at most that second, exactly once).
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
    // 2 ms: under load the outputs of many questions share a request (in the router benchmark 2 ms did
    // as well as 5, and a third better than 0), and an answer waits at most 2 ms more when idle.
    p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 2);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 10);
    // A task processes what it has fetched without first checking every empty input partition's lag:
    // Kafka Streams 4.2 formats a log line for each empty partition before every record, traced or not,
    // which cost the router a quarter of its thread. The tables (keys, policies, gold changes) are
    // fetched in the same requests as the questions, so one written before a question is read first;
    // only on a cluster where their leaders differ can a key created a moment before a question miss
    // it (the question is refused as unknown, and succeeds when asked again).
    p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
    config.groupInstanceId().ifPresent(id ->
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), id));
    return p;
  }
}
