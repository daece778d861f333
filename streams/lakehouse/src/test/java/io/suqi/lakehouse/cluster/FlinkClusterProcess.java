package io.suqi.lakehouse.cluster;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;

/**
 * A Flink session cluster (JobManager and one TaskManager) in a process of its own, with only
 * Flink on its class path, as a cluster runs: jobs reach it through its REST API and bring their
 * own dependencies in their jar. {@code FlinkClusterProcess <rest port>}; it prints a line when
 * ready and stops when its standard input closes (so it ends with the test that started it).
 */
public final class FlinkClusterProcess {

  public static final String READY = "flink cluster ready";

  private FlinkClusterProcess() {}

  public static void main(String[] args) throws Exception {
    Configuration configuration = new Configuration();
    configuration.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    configuration.set(RestOptions.ADDRESS, "127.0.0.1");
    configuration.set(RestOptions.PORT, Integer.parseInt(args[0]));
    try (MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
        .setConfiguration(configuration).setNumTaskManagers(1).setNumSlotsPerTaskManager(4).build())) {
      cluster.start();
      System.out.println(READY + " on " + cluster.getRestAddress().get());
      System.out.flush();
      while (System.in.read() >= 0) {
        // Runs until the parent closes our input or dies.
      }
    }
  }
}
