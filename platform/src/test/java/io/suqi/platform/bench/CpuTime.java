package io.suqi.platform.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU time of this JVM by kind of thread, to say where a benchmark's CPU goes per question. The
 * broker, the topology under test and the benchmark's watcher all run in this process, so the
 * split covers the whole machine's work but for what runs outside it.
 */
final class CpuTime {

  /** What a thread does, from its name. */
  enum Kind {
    STREAM_THREAD("stream thread"),
    PRODUCER_NETWORK("its producer's network thread"),
    BROKER("broker request and network threads"),
    OTHER_THREADS("other threads (the watcher, admin clients, broker housekeeping)"),
    JVM("GC and JIT compilers");

    private final String words;

    Kind(String words) {
      this.words = words;
    }

    static Kind of(String threadName) {
      if (threadName.startsWith("kafka-producer-network-thread")) {
        return PRODUCER_NETWORK;
      }
      if (threadName.contains("-StreamThread-")) {
        return STREAM_THREAD;
      }
      if (threadName.startsWith("data-plane-kafka")) {
        return BROKER;
      }
      return OTHER_THREADS;
    }
  }

  /** CPU nanoseconds so far: of each live thread, and of the whole process. */
  record Snapshot(Map<Long, Long> threadNanos, Map<Long, Kind> kinds, long processNanos) {

    /** Microseconds of CPU per question between {@code earlier} and this, by kind and in total. */
    String perQuestionSince(Snapshot earlier, int questions) {
      Map<Kind, Long> nanos = new EnumMap<>(Kind.class);
      long javaThreads = 0;
      for (Map.Entry<Long, Long> thread : threadNanos.entrySet()) {
        // A thread started in between counts from zero; one that ended in between is not counted.
        long used = thread.getValue() - earlier.threadNanos.getOrDefault(thread.getKey(), 0L);
        nanos.merge(kinds.get(thread.getKey()), used, Long::sum);
        javaThreads += used;
      }
      long process = processNanos - earlier.processNanos;
      nanos.put(Kind.JVM, Math.max(0, process - javaThreads));
      String byKind = Arrays.stream(Kind.values())
          .map(kind -> String.format("%s %.1f", kind.words, nanos.getOrDefault(kind, 0L) / 1e3 / questions))
          .collect(Collectors.joining(", "));
      return String.format("CPU per question: %.1f µs (%s)", process / 1e3 / questions, byKind);
    }
  }

  private CpuTime() {}

  static Snapshot now() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<Long, Long> nanos = new HashMap<>();
    Map<Long, Kind> kinds = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;   // ended since the ids were listed
      }
      long used = threads.getThreadCpuTime(info.getThreadId());
      if (used >= 0) {
        nanos.put(info.getThreadId(), used);
        kinds.put(info.getThreadId(), Kind.of(info.getThreadName()));
      }
    }
    long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
    return new Snapshot(nanos, kinds, process);
  }
}
