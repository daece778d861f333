package io.suqi.lakehouse;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A lakehouse runner in a process of its own, for the test that kills it with SIGKILL:
 * {@code LakehouseProcess <bootstrap servers> <JDBC URL> <user> <checkpoint dir>}. It prints
 * RUNNING when the job runs and then runs until killed.
 */
public final class LakehouseProcess {

  private LakehouseProcess() {}

  public static void main(String[] args) throws Exception {
    LakehouseConfig config = new LakehouseConfig(args[0], args[1], args[2], null, Path.of(args[3]))
        .withParallelism(2)
        .withCheckpointInterval(Duration.ofSeconds(1))
        .withSettings(new MedallionSettings(Duration.ofDays(7), Duration.ofSeconds(2), Duration.ofMillis(200)));
    LakehouseRunner runner = new LakehouseRunner(config);
    runner.start();
    runner.awaitRunning(Duration.ofMinutes(1));
    System.out.println("RUNNING");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
