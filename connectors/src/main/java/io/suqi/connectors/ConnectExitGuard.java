package io.suqi.connectors;

import java.util.function.Supplier;
import org.apache.kafka.common.utils.Exit;

/**
 * Keeps Kafka Connect from ending the JVM it shares with the rest of Suqi.
 *
 * <p>Connect is written to own its process: a failed start calls {@code Exit.exit(3)} and an
 * uncaught error in the distributed herder's thread calls {@code Exit.exit(1)}. In-process that
 * would stop the broker, the database and every other plane. The guard replaces Kafka's exit and
 * halt procedures (once per JVM) with ones that, on Connect's threads, throw a
 * {@link ConnectWorkerException} instead; on any other thread they do what Kafka's defaults do.
 *
 * <p>Connect's start also adds a JVM shutdown hook that stops the worker. In-process that hook
 * races the runtime's own ordered stop: it made the runtime's stop return at once (Connect stops
 * once), the broker closed under the still-stopping herder, and the JVM hung on SIGTERM. The guard
 * drops hooks added while Connect starts; the runtime stops Connect before Kafka.
 */
final class ConnectExitGuard {

  /** The distributed herder runs in a thread named DistributedHerder-&lt;client id&gt;-&lt;n&gt;. */
  private static final String HERDER_THREAD_PREFIX = "DistributedHerder-";
  private static final ThreadLocal<Boolean> STARTING = ThreadLocal.withInitial(() -> false);
  private static boolean installed;

  private ConnectExitGuard() {}

  static synchronized void install() {
    if (installed) {
      return;
    }
    Exit.setExitProcedure((status, message) -> {
      refuseOnConnectThreads("exit", status, message);
      System.exit(status);
    });
    Exit.setHaltProcedure((status, message) -> {
      refuseOnConnectThreads("halt", status, message);
      Runtime.getRuntime().halt(status);
    });
    Exit.setShutdownHookAdder((name, hook) -> {
      if (STARTING.get()) {
        return;   // Connect's own stop-on-exit hook: the runtime stops the worker in order instead
      }
      Runtime.getRuntime().addShutdownHook(new Thread(hook, name == null ? "kafka-shutdown-hook" : name));
    });
    installed = true;
  }

  /** Runs Connect's start-up on this thread, with its exit calls turned into exceptions. */
  static <T> T whileStarting(Supplier<T> start) {
    install();
    STARTING.set(true);
    try {
      return start.get();
    } finally {
      STARTING.remove();
    }
  }

  private static void refuseOnConnectThreads(String what, int status, String message) {
    if (STARTING.get() || Thread.currentThread().getName().startsWith(HERDER_THREAD_PREFIX)) {
      throw new ConnectWorkerException("Kafka Connect asked to " + what + " the JVM with status " + status
          + (message == null ? "" : " (" + message + ")")
          + "; refused because it runs inside the Suqi process. The cause is logged just before this.");
    }
  }
}
