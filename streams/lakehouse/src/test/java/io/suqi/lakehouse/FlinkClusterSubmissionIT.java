package io.suqi.lakehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.suqi.lakehouse.cluster.FlinkClusterProcess;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.client.deployment.StandaloneClusterId;
import org.apache.flink.client.program.PackagedProgram;
import org.apache.flink.client.program.PackagedProgramUtils;
import org.apache.flink.client.program.rest.RestClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The job jar on a Flink cluster, as `flink run suqi-lakehouse-…-job.jar KAFKA JDBC_URL USER`
 * does it: the program is planned from the jar, the jar is uploaded with the job through the
 * cluster's REST API, and the cluster, which has only Flink on its class path, runs it. Retail
 * records then reach gold and quarantine as with the in-process runner.
 */
class FlinkClusterSubmissionIT {

  @RegisterExtension
  static final LakehouseServices services = new LakehouseServices();

  private Process cluster;
  private RestClusterClient<StandaloneClusterId> client;
  private JobID job;

  @Test
  void theJobJarRunsOnAClusterThatHasOnlyFlink() throws Exception {
    // Given a Flink cluster process and the job jar the build made
    int restPort = freePort();
    cluster = startCluster(restPort);
    Path jobJar = Path.of(System.getProperty("lakehouse.jobJar"));
    assertThat(jobJar).as("built by `mvn package`").exists();

    // When the jar is submitted with the Kafka and PostgreSQL it should use
    // Planning happens here, in a JVM that has the connectors on its class path too: parent-first
    // keeps one copy of each class on this side. The cluster loads the jar child-first, over Flink only.
    Configuration planning = new Configuration();
    planning.set(CoreOptions.CLASSLOADER_RESOLVE_ORDER, "parent-first");
    PackagedProgram program = PackagedProgram.newBuilder().setJarFile(jobJar.toFile()).setConfiguration(planning)
        .setArguments(services.kafka().bootstrapServers(), services.database().jdbcUrl(), services.database().user())
        .build();
    JobGraph graph = PackagedProgramUtils.createJobGraph(program, planning, 1, false);
    Configuration clientConfiguration = new Configuration();
    clientConfiguration.set(RestOptions.ADDRESS, "127.0.0.1");
    clientConfiguration.set(RestOptions.PORT, restPort);
    client = new RestClusterClient<>(clientConfiguration, StandaloneClusterId.getInstance());
    job = client.submitJob(graph).get(1, TimeUnit.MINUTES);

    // Then it runs there, and sales and bad records land where they belong
    await().atMost(Duration.ofMinutes(1)).until(() -> client.getJobStatus(job).get() == JobStatus.RUNNING);
    RetailScenario scenario = new RetailScenario(21, 200, 40);
    services.kafka().send(scenario.records());
    await().atMost(LakehouseServices.CONVERGENCE).pollInterval(Duration.ofMillis(500))
        .failFast("the job stopped running on the cluster (a class missing from the job jar?)",
            () -> client.getJobStatus(job).get() != JobStatus.RUNNING)
        .untilAsserted(() -> assertThat(services.goldDaily()).isEqualTo(scenario.expectedDaily()));
    await().atMost(LakehouseServices.CONVERGENCE).untilAsserted(() ->
        assertThat(services.quarantineTable()).isEqualTo(scenario.expectedQuarantine()));
  }

  private static Process startCluster(int restPort) throws Exception {
    String testClasses = new File(FlinkClusterProcess.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI()).getPath();
    String flinkOnly = Files.readString(Path.of(System.getProperty("lakehouse.clusterClasspath"))).trim();
    Path log = Path.of("target", "flink-cluster-process.log");
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx768m", "-cp", testClasses + File.pathSeparator + flinkOnly, FlinkClusterProcess.class.getName(),
        Integer.toString(restPort))
        .redirectError(log.toFile()).start();
    CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (line.startsWith(FlinkClusterProcess.READY)) {
            return true;
          }
        }
        return false;
      } catch (Exception e) {
        return false;
      }
    });
    assertThat(ready.get(2, TimeUnit.MINUTES)).as("cluster started; see " + log.toAbsolutePath()).isTrue();
    return process;
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      if (job != null) {
        client.cancel(job).get(1, TimeUnit.MINUTES);
      }
      client.close();
    }
    if (cluster != null) {
      cluster.getOutputStream().close();
      if (!cluster.waitFor(30, TimeUnit.SECONDS)) {
        cluster.destroyForcibly().waitFor();
      }
    }
  }
}
