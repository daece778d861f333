package io.suqi.lakehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.suqi.lakehouse.RetailJson.Header;
import io.suqi.lakehouse.RetailJson.Item;
import io.suqi.schemas.Topics;
import java.lang.management.ManagementFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lakehouse job alone, on a real broker in this JVM and a real Postgres set up as the
 * runtime's (fsync on, logical WAL): valid one-line POS sales through bronze → silver → gold (and
 * everything attached to them), at the runtime's parallelism. A warm-up backlog ({@code benchmark.warmupEvents}) is read from a cold start; the
 * sustained figure is a further batch ({@code benchmark.events}) sent to the running job, timed
 * from its first send until bronze, silver and gold hold all of it; {@code benchmark.rounds}
 * batches one after the other show how the JIT's share falls. In the same run a plain Kafka consumer reads the same
 * records. Also the CPU time of this JVM and of Postgres per event,
 * which is what the throughput of a 2-core machine is made of.
 *
 * <p>Sale times ({@code benchmark.saleTimes}): {@code ordered} (the default) as live traffic has
 * them, advancing with the sends (550 ms of sale time per sale, so 1.1 million sales span a week),
 * each up to a minute early; {@code shuffled}, a week's backlog in random order, after whose first
 * records nearly every sale is too late for its minute metrics (every one goes to gold.late_events).
 *
 * <p>Not part of the build (the name does not match the test includes). Run:
 * {@code mvn -B -pl streams/lakehouse test -Dtest=MedallionThroughputBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark.events=200000}
 */
@Tag("benchmark")
class MedallionThroughputBenchmark {

  @RegisterExtension
  static final LakehouseServices services = new LakehouseServices(true);

  @TempDir
  Path checkpoints;

  @Test
  void posSalesThroughEveryLayer() throws Exception {
    int warmup = Integer.getInteger("benchmark.warmupEvents", 100_000);
    int events = Integer.getInteger("benchmark.events", 100_000);
    int parallelism = Integer.getInteger("benchmark.parallelism", 1);
    int rounds = Integer.getInteger("benchmark.rounds", 1);
    sendSales("warmup-", 0, warmup, new Random(11));

    LakehouseConfig config = services.config(checkpoints).withParallelism(parallelism)
        .withCheckpointInterval(Duration.ofSeconds(Integer.getInteger("benchmark.checkpointSeconds", 2)));
    try (LakehouseRunner runner = new LakehouseRunner(config)) {
      runner.start();
      runner.awaitRunning(Duration.ofMinutes(1));
      // Cold: the job starts on a backlog while the JIT compiles it.
      long coldStart = System.nanoTime();
      awaitEveryLayer(warmup);
      double coldSeconds = (System.nanoTime() - coldStart) / 1e9;

      // Sustained: further batches through the warmed-up job, each timed from its first send (the
      // producer runs in this JVM alongside the job, so its CPU counts against the pipeline). More
      // than one round shows how much of the cost is the JIT still compiling.
      double pipelineRate = 0;
      int sent = warmup;
      for (int round = 1; round <= rounds; round++) {
        long jvmCpuAtStart = jvmCpuNanos();
        Map<String, Long> threadCpuAtStart = threadCpuNanos();
        long postgresCpuAtStart = postgresCpuNanos();
        long sendAt = System.nanoTime();
        String idPrefix = "bench-" + round + "-";
        SteadyRate steady = new SteadyRate(idPrefix, events, sendAt);
        Thread steadyWatch = new Thread(steady::watch, "steady-rate");
        steadyWatch.setDaemon(true);
        steadyWatch.start();
        sendSales(idPrefix, sent, events, new Random(7 + round));
        sent += events;
        awaitEveryLayer(sent);
        double seconds = (System.nanoTime() - sendAt) / 1e9;
        steadyWatch.join();
        double jvmCpuMicros = (jvmCpuNanos() - jvmCpuAtStart) / 1e3 / events;
        Map<String, Long> threadCpu = threadCpuNanos();
        double postgresCpuMicros = (postgresCpuNanos() - postgresCpuAtStart) / 1e3 / events;
        pipelineRate = events / seconds;
        System.out.printf("%nBENCHMARK medallion round %d of %d: %,d POS events in %.1f s = %,.0f events/s sustained "
            + "(steady %s); CPU per event: JVM %.0f µs, Postgres %.0f µs%n", round, rounds, events, seconds, pipelineRate,
            steady.describe(), jvmCpuMicros, postgresCpuMicros);
        System.out.println("JVM CPU per sustained event by thread (µs):");
        threadCpu.entrySet().stream()
            .map(e -> Map.entry(e.getKey(), e.getValue() - threadCpuAtStart.getOrDefault(e.getKey(), 0L)))
            .filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(16)
            .forEach(e -> System.out.printf("  %6.1f  %s%n", e.getValue() / 1e3 / events, e.getKey()));
      }
      double consumerRate = sent / plainConsumerSeconds(sent);
      System.out.printf("%nBENCHMARK medallion parallelism %d, sale times %s: "
              + "warm-up %,d POS events from a cold start in %.1f s = %,.0f events/s; "
              + "then %d × %,d POS events, the last at %,.0f events/s sustained; "
              + "plain consumer reading all %,.0f events/s (pipeline %.1fx its time)%n",
          parallelism, SHUFFLED ? "shuffled" : "ordered", warmup, coldSeconds, warmup / coldSeconds, rounds, events,
          pipelineRate, consumerRate, consumerRate / pipelineRate);
      if (Boolean.getBoolean(LakehouseDatabase.STATEMENT_STATISTICS)) {
        System.out.println("Postgres time per statement (ms total | calls | rows | statement):");
        services.database().rows("SELECT round(total_exec_time)::bigint, calls, rows, "
                + "left(regexp_replace(query, '\\s+', ' ', 'g'), 110) FROM pg_stat_statements "
                + "ORDER BY total_exec_time DESC LIMIT 15")
            .forEach(row -> System.out.println("  " + row));
        System.out.println("Postgres WAL (records | full-page images | bytes): "
            + services.database().rows("SELECT wal_records, wal_fpi, wal_bytes FROM pg_stat_wal")
            + "; checkpoints (timed | requested): "
            + services.database().rows("SELECT num_timed, num_requested FROM pg_stat_checkpointer"));
      }
    }
  }

  /**
   * Until bronze, silver and gold each hold every sale sent: the silver and bronze sinks commit on
   * their own, so gold agreeing first does not mean they are done. Gold is polled first because
   * its sum is cheap; the counts of the large tables run only once it agrees.
   */
  private static void awaitEveryLayer(long expected) {
    await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(250))
        .until(() -> services.database().count("SELECT coalesce(sum(txn_count), 0) FROM gold.sales_daily") == expected);
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
        .untilAsserted(() -> assertThat(services.database().count("SELECT count(*) FROM silver.transactions"))
            .as("silver.transactions").isEqualTo(expected));
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
        .untilAsserted(() -> assertThat(services.database().count("SELECT count(*) FROM bronze.raw_events"))
            .as("bronze.raw_events").isEqualTo(expected));
  }

  /**
   * The rate at which a round's sales reach silver between a tenth and nine tenths of them, from
   * a hundred sentinel sales spread over the round and looked up by primary key every 250 ms: the
   * pipeline's pace without the start of the round and without the latency of its last commits
   * (which the whole round's time includes).
   */
  private static final class SteadyRate {
    private final List<String> sentinels = new ArrayList<>();
    private final int events;
    private final long startNanos;
    private volatile String result = "not measured";

    SteadyRate(String idPrefix, int events, long startNanos) {
      this.events = events;
      this.startNanos = startNanos;
      int step = Math.max(1, events / 100);
      for (int i = step - 1; i < events; i += step) {
        sentinels.add(idPrefix + i);
      }
    }

    void watch() {
      String query = "SELECT count(*) FROM silver.transactions WHERE txn_id IN ('" + String.join("','", sentinels) + "')";
      long fromFound = -1;
      long fromNanos = 0;
      try {
        while (true) {
          long found = services.database().count(query);
          long now = System.nanoTime();
          if (fromFound < 0 && found * 10 >= sentinels.size()) {
            fromFound = found;
            fromNanos = now;
          }
          if (found * 10 >= sentinels.size() * 9L) {
            double seconds = (now - fromNanos) / 1e9;
            double rate = (found - fromFound) * ((double) events / sentinels.size()) / seconds;
            result = String.format("%,.0f events/s, %d %% → %d %% in silver in %.1f s, from %.1f s after the first send",
                rate, 100 * fromFound / sentinels.size(), 100 * found / sentinels.size(), seconds,
                (fromNanos - startNanos) / 1e9);
            return;
          }
          if (now - startNanos > Duration.ofMinutes(10).toNanos()) {
            return;
          }
          Thread.sleep(250);
        }
      } catch (Exception e) {
        result = "not measured: " + e.getMessage();
      }
    }

    String describe() {
      return result;
    }
  }

  private static final boolean SHUFFLED = "shuffled".equals(System.getProperty("benchmark.saleTimes", "ordered"));
  private static final Instant FIRST_DAY = Instant.parse("2026-10-05T00:00:00Z");

  /**
   * Sends {@code count} one-line completed sales of the scenario's catalogue, the first being sale
   * number {@code first} of the run (for its sale time), in slices, so that a long run does not
   * hold them all in memory.
   */
  private static void sendSales(String idPrefix, int first, int count, Random random) throws Exception {
    int slice = 50_000;
    for (int from = 0; from < count; from += slice) {
      services.kafka().send(sales(idPrefix, first, from, Math.min(count, from + slice), random));
    }
  }

  private static List<ProducerRecord<String, String>> sales(String idPrefix, int first, int from, int to,
      Random random) {
    List<ProducerRecord<String, String>> records = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      RetailScenario.Store store = RetailScenario.STORES.get(random.nextInt(RetailScenario.STORES.size()));
      List<RetailScenario.Product> products = RetailScenario.PRODUCTS.stream()
          .filter(p -> p.tenant().equals(store.tenant())).toList();
      RetailScenario.Product product = products.get(random.nextInt(products.size()));
      String txnId = idPrefix + i;
      Header header = new Header(txnId, store.tenant(), store.id(), random.nextInt(4) == 0 ? null : 1L + random.nextInt(50),
          saleTime(first + i, random), "completed", "card");
      String json = RetailJson.pos(header, List.of(new Item(1, product.id(), 1 + random.nextInt(3),
          (5 + random.nextInt(40)) + ".99", "0")));
      records.add(new ProducerRecord<>(Topics.POS_TRANSACTIONS.name(), txnId, json));
    }
    return records;
  }

  private static Instant saleTime(int sale, Random random) {
    if (SHUFFLED) {
      return FIRST_DAY.plusSeconds(random.nextInt(7 * 86_400));
    }
    return FIRST_DAY.plusMillis(550L * sale - random.nextInt(60_000));
  }

  private static double plainConsumerSeconds(int events) {
    long started = System.nanoTime();
    long read = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, services.kafka().bootstrapServers(),
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.POS_TRANSACTIONS.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (read < events) {
        read += consumer.poll(Duration.ofMillis(500)).count();
      }
    }
    return (System.nanoTime() - started) / 1e9;
  }

  /**
   * CPU time per thread name, summed over threads of one name, from {@code /proc/self/task}: that
   * includes the threads the JVM does not list (RocksDB's, the JIT's, the collector's). Names are
   * the kernel's (15 characters); empty where there is no /proc.
   */
  private static Map<String, Long> threadCpuNanos() throws IOException {
    Map<String, Long> byName = new HashMap<>();
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return byName;
    }
    try (Stream<Path> threads = Files.list(tasks)) {
      for (Path thread : threads.toList()) {
        String stat;
        try {
          stat = Files.readString(thread.resolve("stat"));
        } catch (IOException ended) {
          continue;   // the thread ended while listing
        }
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d+", "N").strip();
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);   // utime + stime
        byName.merge(name, ticks * 10_000_000L, Long::sum);   // USER_HZ is 100 on Linux
      }
    }
    return byName;
  }

  private static long jvmCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** CPU of every Postgres process on this machine whose data directory is the benchmark's. */
  private static long postgresCpuNanos() throws Exception {
    Path dataDir = services.database().dataDirectory();
    long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
    return ProcessHandle.of(postmaster).stream()
        .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
        .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
  }
}
