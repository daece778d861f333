package io.suqi.agents;

import io.suqi.schemas.AgentResult;
import io.suqi.schemas.AgentTask;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.Topic;
import io.suqi.schemas.TenantPartitioner;
import io.suqi.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka loop of any agent: one thread consumes the agent's task topic, calls the handler and
 * produces each result to {@link Topics#AGENT_RESULTS} keyed by query id. Offsets are committed
 * only after the results of a poll are acknowledged (at least once; downstream is idempotent), so
 * a crash redelivers tasks rather than losing them. Undecodable tasks are logged and skipped; a
 * handler that throws, or takes longer than its {@link TaskLimits#timeout()}, yields a FAILED
 * result with the reason. The tasks of a poll run side by side, up to {@link TaskLimits#concurrency()}.
 */
public final class AgentRunner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AgentRunner.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
  /** Pause after a Kafka error before polling again, so a persistent fault does not spin. */
  private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);
  private static final long NOT_STARTED = Long.MIN_VALUE;
  private static final long QUEUED_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private enum State { NEW, RUNNING, STOPPED }

  private final AgentType agent;
  private final Topic<String, AgentTask> tasks;
  private final TaskHandler handler;
  private final Duration pollTimeout;
  private final TaskLimits limits;
  private final Supplier<Consumer<String, byte[]>> consumers;
  private final Supplier<Producer<String, AgentResult>> producers;
  private final Clock clock;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  /** Used by the task loop's thread only. */
  private final CommittedPositions positions = new CommittedPositions();

  private State state = State.NEW;
  private Consumer<String, byte[]> consumer;
  private volatile Thread thread;

  private volatile Instant lastPollAt;
  /** Runs the handler, at most {@link TaskLimits#concurrency()} tasks at once. */
  private ExecutorService workers;

  public AgentRunner(AgentConfig config, AgentType agent, TaskHandler handler) {
    this(config, agent, handler, TaskLimits.SEQUENTIAL);
  }

  public AgentRunner(AgentConfig config, AgentType agent, TaskHandler handler, TaskLimits limits) {
    this(agent, handler, limits, config.pollTimeout(), () -> newConsumer(config, agent),
        () -> newProducer(config, agent), Clock.systemUTC());
  }

  /** For tests: any consumer and producer (e.g. Kafka's MockConsumer and MockProducer). */
  AgentRunner(AgentType agent, TaskHandler handler, Duration pollTimeout,
      Supplier<Consumer<String, byte[]>> consumers, Supplier<Producer<String, AgentResult>> producers, Clock clock) {
    this(agent, handler, TaskLimits.SEQUENTIAL, pollTimeout, consumers, producers, clock);
  }

  AgentRunner(AgentType agent, TaskHandler handler, TaskLimits limits, Duration pollTimeout,
      Supplier<Consumer<String, byte[]>> consumers, Supplier<Producer<String, AgentResult>> producers, Clock clock) {
    this.agent = Objects.requireNonNull(agent, "agent");
    this.tasks = Topics.tasksFor(agent);
    this.handler = Objects.requireNonNull(handler, "handler");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.pollTimeout = Objects.requireNonNull(pollTimeout, "pollTimeout");
    this.consumers = consumers;
    this.producers = producers;
    this.clock = clock;
  }

  /** Starts the consumer thread. A runner starts once; after {@link #stop()} make a new one. */
  public synchronized void start() {
    if (state != State.NEW) {
      throw new IllegalStateException("the " + agent + " runner was already " + state.name().toLowerCase(Locale.ROOT));
    }
    consumer = consumers.get();
    Producer<String, AgentResult> producer;
    try {
      producer = producers.get();
    } catch (RuntimeException e) {
      consumer.close();
      throw e;
    }
    Consumer<String, byte[]> taskConsumer = consumer;
    thread = new Thread(() -> run(taskConsumer, producer), "agent-" + agent.name().toLowerCase(Locale.ROOT));
    state = State.RUNNING;
    thread.start();
  }

  /** Stops polling, lets the task in hand finish, closes the clients. Safe to call repeatedly. */
  public synchronized void stop() {
    State was = state;
    state = State.STOPPED;
    if (was != State.RUNNING) {
      return;
    }
    stopRequested.countDown();
    consumer.wakeup();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** When the runner last polled for tasks: its heartbeat (empty before the first poll). */
  public Optional<Instant> lastHeartbeat() {
    return Optional.ofNullable(lastPollAt);
  }

  public boolean isRunning() {
    return thread != null && thread.isAlive();
  }

  private boolean stopping() {
    return stopRequested.getCount() == 0;
  }

  private void run(Consumer<String, byte[]> consumer, Producer<String, AgentResult> producer) {
    String name = "agent-" + agent.name().toLowerCase(Locale.ROOT) + "-task-";
    AtomicInteger threads = new AtomicInteger();
    workers = Executors.newFixedThreadPool(limits.concurrency(), r -> {
      Thread t = new Thread(r, name + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      consumer.subscribe(List.of(tasks.name()));
      while (!stopping()) {
        try {
          ConsumerRecords<String, byte[]> records = consumer.poll(pollTimeout);
          lastPollAt = clock.instant();
          if (records.isEmpty()) {
            positions.commitMoved(consumer);
          } else if (!process(records, consumer, producer)) {
            backOff();
          }
        } catch (WakeupException e) {
          // stop() was called; the loop condition ends the loop
        } catch (KafkaException e) {
          // e.g. a commit refused after a rebalance: the uncommitted tasks come back to someone
          LOG.warn("{} agent: Kafka error, continuing: {}", agent, e.toString());
          backOff();
        }
      }
    } catch (RuntimeException e) {
      LOG.error("{} agent: task loop stopped", agent, e);
    } finally {
      workers.shutdownNow();
      closeQuietly(() -> consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT)));
      closeQuietly(() -> producer.close(CLOSE_TIMEOUT));
      LOG.info("{} agent stopped", agent);
    }
  }

  /**
   * Handles one poll's tasks and commits what was acknowledged. Returns false if some result was
   * not acknowledged: that partition is rewound so its tasks are handled again.
   */
  private boolean process(ConsumerRecords<String, byte[]> records, Consumer<String, byte[]> consumer,
      Producer<String, AgentResult> producer) {
    // Every task of the poll starts at once (bounded by the pool), results go out in offset order.
    // A task still queued when the poll's tasks could all have used their whole timeout has waited
    // behind tasks that ignore interruption: it fails rather than hold the poll loop forever.
    long rounds = (records.count() + limits.concurrency() - 1) / limits.concurrency();
    long queueDeadline = System.nanoTime() + limits.timeout().toNanos() * (rounds + 1);
    Map<TopicPartition, List<Running>> runningByPartition = new HashMap<>();
    for (TopicPartition partition : records.partitions()) {
      List<Running> running = runningByPartition.computeIfAbsent(partition, p -> new ArrayList<>());
      for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
        Optional<AgentTask> task = decode(record);
        running.add(new Running(record.offset(), task, task.map(this::start)));
      }
    }
    Map<TopicPartition, List<Sent>> sentByPartition = new HashMap<>();
    for (Map.Entry<TopicPartition, List<Running>> entry : runningByPartition.entrySet()) {
      List<Sent> sent = sentByPartition.computeIfAbsent(entry.getKey(), p -> new ArrayList<>());
      for (Running running : entry.getValue()) {
        if (stopping()) {
          running.result().ifPresent(r -> r.future().cancel(true));
          continue; // not committed, so redelivered after restart
        }
        sent.add(new Sent(running.offset(), running.task()
            .map(task -> send(producer, task, awaitResult(task, running.result().get(), queueDeadline)))
            .orElse(CompletableFuture.completedFuture(null))));
      }
    }
    Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
    boolean allAcknowledged = true;
    for (Map.Entry<TopicPartition, List<Sent>> entry : sentByPartition.entrySet()) {
      for (Sent sent : entry.getValue()) {
        Optional<Exception> failure = awaitAck(sent.ack());
        if (failure.isPresent()) {
          LOG.warn("{} agent: result for {} offset {} not acknowledged, will handle it again: {}",
              agent, entry.getKey(), sent.offset(), failure.get().toString());
          consumer.seek(entry.getKey(), sent.offset());
          allAcknowledged = false;
          break;
        }
        done.put(entry.getKey(), new OffsetAndMetadata(sent.offset() + 1));
      }
    }
    if (!done.isEmpty()) {
      try {
        consumer.commitSync(done);
      } catch (WakeupException e) {
        consumer.commitSync(done); // stop() interrupted the commit, not the work: finish it
      }
      positions.committed(done);
    }
    return allAcknowledged;
  }

  /** The task in a record, or empty (logged) if the record holds none: skipping beats a stuck loop. */
  private Optional<AgentTask> decode(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null) {
      LOG.warn("{} agent: skipping empty task at {}-{}@{}", agent, record.topic(), record.partition(), record.offset());
      return Optional.empty();
    }
    try {
      return Optional.of(tasks.valueSerde().deserializer().deserialize(record.topic(), record.value()));
    } catch (RuntimeException e) {
      LOG.warn("{} agent: skipping undecodable task at {}-{}@{} (key {}): {}", agent, record.topic(),
          record.partition(), record.offset(), record.key(), e.getMessage());
      return Optional.empty();
    }
  }

  private StartedTask start(AgentTask task) {
    AtomicLong startedAt = new AtomicLong(NOT_STARTED);
    // submit, not supplyAsync: cancelling its future interrupts the thread running the task
    return new StartedTask(workers.submit(() -> {
      startedAt.set(System.nanoTime());
      return handle(task);
    }), startedAt);
  }

  /**
   * The task's result, or a FAILED one once it has run longer than the timeout (counted from when
   * it started: time spent waiting for a free slot is not its own), or once it is still queued at
   * the poll's queue deadline.
   */
  private AgentResult awaitResult(AgentTask task, StartedTask started, long queueDeadline) {
    try {
      while (true) {
        long began = started.startedAt().get();
        long deadline = began == NOT_STARTED ? queueDeadline : began + limits.timeout().toNanos();
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          started.future().cancel(true);
          String reason = began == NOT_STARTED ? "did not start: the tasks before it outlived their timeouts"
              : "did not answer within " + limits.timeout().toMillis() + " ms";
          LOG.warn("{} agent: query {} {}", agent, task.getQueryId(), reason);
          return AgentResults.failed(task, reason, Duration.ofNanos(began == NOT_STARTED ? 0 : System.nanoTime() - began),
              clock.instant());
        }
        try {
          // wake up now and then while queued: its own deadline starts when it does
          return started.future().get(began == NOT_STARTED ? Math.min(left, QUEUED_CHECK_NANOS) : left,
              TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
          // loop: re-evaluate the deadline
        }
      }
    } catch (ExecutionException e) {
      String reason = e.getCause() == null ? e.toString() : String.valueOf(e.getCause().getMessage());
      return AgentResults.failed(task, reason, Duration.ZERO, clock.instant());
    } catch (java.util.concurrent.CancellationException e) {
      return AgentResults.failed(task, "the agent was stopping", Duration.ZERO, clock.instant());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      started.future().cancel(true);
      return AgentResults.failed(task, "the agent was stopping", Duration.ZERO, clock.instant());
    }
  }

  private Future<RecordMetadata> send(Producer<String, AgentResult> producer, AgentTask task, AgentResult result) {
    try {
      return producer.send(toRecord(result));
    } catch (KafkaException e) {
      // typically a result that does not encode (a handler built it with a missing field)
      LOG.warn("{} agent: result for query {} not sendable: {}", agent, task.getQueryId(), e.toString());
      return producer.send(toRecord(AgentResults.failed(task, "result could not be sent: " + e.getMessage(),
          Duration.ofMillis(result.getDurationMs()), clock.instant())));
    }
  }

  private AgentResult handle(AgentTask task) {
    long started = System.nanoTime();
    try {
      AgentResult result = handler.handle(task);
      if (result == null) {
        throw new IllegalStateException("the handler returned no result");
      }
      return result;
    } catch (Exception e) {
      LOG.warn("{} agent: handler failed for query {}", agent, task.getQueryId(), e);
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return AgentResults.failed(task, reason, Duration.ofNanos(System.nanoTime() - started), clock.instant());
    }
  }

  private static ProducerRecord<String, AgentResult> toRecord(AgentResult result) {
    return new ProducerRecord<>(Topics.AGENT_RESULTS.name(), result.getQueryId(), result);
  }

  private static Optional<Exception> awaitAck(Future<RecordMetadata> ack) {
    try {
      ack.get(); // bounded by the producer's delivery.timeout.ms
      return Optional.empty();
    } catch (ExecutionException e) {
      return Optional.of(e.getCause() instanceof Exception cause ? cause : e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(e);
    }
  }

  private void closeQuietly(Runnable close) {
    try {
      close.run();
    } catch (RuntimeException e) {
      LOG.warn("{} agent: closing a Kafka client failed: {}", agent, e.toString());
    }
  }

  private void backOff() {
    try {
      stopRequested.await(RETRY_BACKOFF.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Consumer<String, byte[]> newConsumer(AgentConfig config, AgentType agent) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, config.groupId() + "-consumer");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50); // a task should not wait for a fuller fetch
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
    config.groupInstanceId().ifPresent(id -> props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id));
    // Tasks come from the exactly-once orchestrator, which commits once a second: reading only
    // committed tasks would add up to that second to every answer. A task of a transaction that is
    // then aborted is the same question the orchestrator routes again on replay; answering it costs
    // only work, since a result is used at most once (the first to find its pending question).
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    // bytes, decoded by hand: a bad record must be skippable, not an exception inside poll()
    return new KafkaConsumer<>(props, Topics.tasksFor(agent).keySerde().deserializer(), new ByteArrayDeserializer());
  }

  private static Producer<String, AgentResult> newProducer(AgentConfig config, AgentType agent) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(ProducerConfig.CLIENT_ID_CONFIG, config.groupId() + "-producer");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    // Results go to the partition of their tenant, where the orchestrator task waiting for them runs.
    props.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, TenantPartitioner.class.getName());
    return new KafkaProducer<>(props, Topics.AGENT_RESULTS.keySerde().serializer(),
        Topics.AGENT_RESULTS.valueSerde().serializer());
  }

  private record Sent(long offset, Future<RecordMetadata> ack) {}

  private record StartedTask(Future<AgentResult> future, AtomicLong startedAt) {}

  private record Running(long offset, Optional<AgentTask> task, Optional<StartedTask> result) {}
}
