package io.suqi.connectors;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.errors.NotFoundException;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.distributed.DistributedHerder;
import org.apache.kafka.connect.runtime.distributed.NotLeaderException;
import org.apache.kafka.connect.runtime.distributed.RebalanceNeededException;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.util.Callback;
import org.apache.kafka.connect.util.FutureCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka Connect worker in this process: the same distributed worker {@code connect-distributed.sh}
 * runs, with its REST API on {@link ConnectWorkerConfig#restUrl()} (so {@code curl .../connectors}
 * works as with any Connect cluster) and its state in Kafka.
 */
public final class ConnectWorker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectWorker.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final ConnectWorkerConfig config;
  private Connect<DistributedHerder> connect;

  public ConnectWorker(ConnectWorkerConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  public ConnectWorkerConfig config() {
    return config;
  }

  /**
   * Starts the worker and waits until it has joined its group and read its configs, so that
   * connectors can be registered right away. Does nothing if it already runs.
   *
   * @throws ConnectWorkerException if the worker cannot start (nothing is left running then)
   */
  public synchronized void start() {
    if (connect != null) {
      return;
    }
    long started = System.nanoTime();
    // Connect's plugin loading swaps the calling thread's context class loader: give it back.
    ClassLoader callersLoader = Thread.currentThread().getContextClassLoader();
    Connect<DistributedHerder> starting;
    try {
      starting = ConnectExitGuard.whileStarting(
          () -> new ConnectDistributed().startConnect(config.workerProperties()));
    } catch (RuntimeException e) {
      throw new ConnectWorkerException("Kafka Connect worker did not start (REST " + config.restUrl()
          + ", Kafka " + config.bootstrapServers() + "): " + e.getMessage(), e);
    } finally {
      Thread.currentThread().setContextClassLoader(callersLoader);
    }
    try {
      awaitHerderReady(starting);
    } catch (RuntimeException e) {
      starting.stop();
      throw e;
    }
    connect = starting;
    LOG.info("Kafka Connect worker started in {} ms; REST API at {}",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), config.restUrl());
  }

  private void awaitHerderReady(Connect<DistributedHerder> starting) {
    Future<?> herderTask = starting.herderTask();
    long deadline = System.nanoTime() + config.startTimeout().toNanos();
    while (!starting.herder().isReady()) {
      if (herderTask != null && herderTask.isDone()) {
        throw new ConnectWorkerException("Kafka Connect worker stopped while starting (Kafka "
            + config.bootstrapServers() + ", group " + config.groupId() + "): " + causeOf(herderTask));
      }
      if (System.nanoTime() > deadline) {
        throw new ConnectWorkerException("Kafka Connect worker did not join group " + config.groupId() + " on "
            + config.bootstrapServers() + " within " + config.startTimeout());
      }
      sleep(POLL);
    }
  }

  private static String causeOf(Future<?> herderTask) {
    try {
      herderTask.get();
      return "its herder ended";
    } catch (ExecutionException e) {
      return String.valueOf(e.getCause().getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /** Stops the connectors and the worker; does nothing if it does not run. */
  public synchronized void stop() {
    if (connect == null) {
      return;
    }
    connect.stop();
    connect = null;
  }

  @Override
  public void close() {
    stop();
  }

  /** The worker runs: started, and its herder has not died since. */
  public synchronized boolean running() {
    return connect != null && connect.herder().isReady()
        && (connect.herderTask() == null || !connect.herderTask().isDone());
  }

  /** The names of the registered connectors. */
  public Collection<String> connectors() {
    return call("listing connectors", herder()::connectors);
  }

  /**
   * Creates the connector, or replaces its configuration (PUT semantics). Registering a connector
   * whose configuration is unchanged writes nothing and so does not restart it.
   *
   * @return true if the connector was created or its configuration changed
   * @throws ConnectWorkerException if Connect rejects the configuration (the message says why)
   */
  public boolean putConnector(String name, Map<String, String> connectorConfig) {
    if (connectorConfig.equals(currentConfig(name).orElse(null))) {
      return false;
    }
    call("registering connector " + name, (Callback<Herder.Created<ConnectorInfo>> result) ->
        herder().putConnectorConfig(name, connectorConfig, true, result));
    return true;
  }

  /** Removes the connector (its offsets stay in Kafka); does nothing if there is no such connector. */
  public void deleteConnector(String name) {
    if (!connectors().contains(name)) {
      return;
    }
    call("deleting connector " + name, (Callback<Herder.Created<ConnectorInfo>> result) ->
        herder().deleteConnectorConfig(name, result));
  }

  private Optional<Map<String, String>> currentConfig(String name) {
    if (!connectors().contains(name)) {
      return Optional.empty();
    }
    return Optional.of(call("reading connector " + name,
        (Callback<Map<String, String>> result) -> herder().connectorConfig(name, result)));
  }

  /** The connector's and its tasks' states, or empty if no such connector is registered. */
  public Optional<ConnectorHealth> health(String name) {
    try {
      return Optional.of(ConnectorHealth.of(herder().connectorStatus(name)));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * Waits until the connector and its tasks are RUNNING.
   *
   * @throws ConnectWorkerException at once if the connector or a task FAILED (with its trace),
   *     or when {@code timeout} passes first (with the last state seen)
   */
  public ConnectorHealth awaitRunning(String name, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Optional<ConnectorHealth> health = health(name);
    while (health.isEmpty() || !health.get().running()) {
      Optional<String> failure = health.flatMap(ConnectorHealth::failure);
      if (failure.isPresent()) {
        throw new ConnectWorkerException(failure.get());
      }
      if (System.nanoTime() > deadline) {
        throw new ConnectWorkerException("connector " + name + " is not RUNNING after " + timeout + ": "
            + health.map(Object::toString).orElse("not registered"));
      }
      sleep(POLL);
      health = health(name);
    }
    return health.get();
  }

  private synchronized DistributedHerder herder() {
    if (connect == null) {
      throw new IllegalStateException("the Kafka Connect worker is not started");
    }
    return connect.herder();
  }

  /**
   * Sends a request to the herder and waits for its answer. While the group rebalances (as it
   * does after every config change) the herder refuses requests; a REST client would get 409 and
   * retry, and so does this, until the start timeout.
   */
  private <T> T call(String what, Consumer<Callback<T>> request) {
    long deadline = System.nanoTime() + config.startTimeout().toNanos();
    while (true) {
      FutureCallback<T> result = new FutureCallback<>();
      request.accept(result);
      try {
        return result.get(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        boolean transientRefusal = e.getCause() instanceof RebalanceNeededException
            || e.getCause() instanceof NotLeaderException;
        if (!transientRefusal || System.nanoTime() > deadline) {
          throw new ConnectWorkerException(what + " failed: " + e.getCause().getMessage(), e.getCause());
        }
        sleep(POLL);
      } catch (TimeoutException e) {
        throw new ConnectWorkerException(what + " did not finish within " + config.startTimeout(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ConnectWorkerException(what + " was interrupted", e);
      }
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectWorkerException("interrupted while waiting for Kafka Connect", e);
    }
  }

  @Override
  public String toString() {
    return "ConnectWorker[" + config.restUrl() + ", group " + config.groupId() + "]";
  }
}
