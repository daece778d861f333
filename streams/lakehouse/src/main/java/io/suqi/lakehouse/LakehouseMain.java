package io.suqi.lakehouse;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Submits the lakehouse job (medallion layers, real-time metrics, anomaly detection) to the Flink
 * cluster of the current context ({@code flink run}):
 * {@code LakehouseMain <bootstrap servers> <JDBC URL> [JDBC user] [JDBC password]}. The cluster's
 * configuration decides checkpoint storage and restores ({@code flink run -s}); checkpointing
 * is switched on, exactly-once every 2 s, when the cluster leaves it off.
 */
public final class LakehouseMain {

  private LakehouseMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || args.length > 4) {
      System.err.println("usage: LakehouseMain <bootstrap servers> <JDBC URL> [JDBC user] [JDBC password]");
      System.exit(2);
    }
    // The directory only matters to LakehouseRunner; on a cluster the cluster's storage is used.
    LakehouseConfig config = new LakehouseConfig(args[0], args[1], args.length > 2 ? args[2] : null,
        args.length > 3 ? args[3] : null, Path.of("checkpoints"));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    if (!env.getCheckpointConfig().isCheckpointingEnabled()) {
      env.enableCheckpointing(Duration.ofSeconds(2).toMillis(), CheckpointingMode.EXACTLY_ONCE);
    }
    LakehouseRunner.job(config).attachTo(env);
    env.execute(LakehouseRunner.JOB_NAME);
  }
}
