package io.suqi.orchestrator;

import io.suqi.schemas.Topic;
import java.time.Duration;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One input of the assembler (the task topics, suqi.plans, suqi.agent-results): decodes each record
 * and hands it to the task's {@link Assembly}. The results' input also runs the wall-clock scans that
 * mark overdue plan steps missing and drop results no task came for.
 */
final class AssemblerInput<V> implements Processor<String, byte[], String, Object> {

  private static final Logger LOG = LoggerFactory.getLogger(AssemblerInput.class);

  /** How often overdue plan steps are looked for; a step is found missing at most this late. */
  private static final Duration LONGEST_SCAN_INTERVAL = Duration.ofSeconds(1);
  private static final Duration EARLY_RESULTS_SCAN_INTERVAL = Duration.ofMinutes(1);

  private final Topic<String, V> topic;
  private final BiConsumer<Assembly, V> handle;
  private final boolean scans;
  private final Assembly.Settings settings;
  private Assembly assembly;

  private AssemblerInput(Topic<String, V> topic, BiConsumer<Assembly, V> handle, boolean scans,
      Assembly.Settings settings) {
    this.topic = topic;
    this.handle = handle;
    this.scans = scans;
    this.settings = settings;
  }

  static <V> AssemblerInput<V> of(Topic<String, V> topic, BiConsumer<Assembly, V> handle,
      Assembly.Settings settings) {
    return new AssemblerInput<>(topic, handle, false, settings);
  }

  /** The input that also runs the assembler's scans: one per task. */
  static <V> AssemblerInput<V> scanning(Topic<String, V> topic, BiConsumer<Assembly, V> handle,
      Assembly.Settings settings) {
    return new AssemblerInput<>(topic, handle, true, settings);
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    assembly = Assembly.connect(context, settings);
    if (scans) {
      Duration stepTimeout = settings.plans().stepTimeout();
      Duration scan = stepTimeout.compareTo(LONGEST_SCAN_INTERVAL) < 0 ? stepTimeout : LONGEST_SCAN_INTERVAL;
      context.schedule(scan, PunctuationType.WALL_CLOCK_TIME, at -> assembly.expireOverdue());
      context.schedule(EARLY_RESULTS_SCAN_INTERVAL, PunctuationType.WALL_CLOCK_TIME,
          at -> assembly.dropStaleEarlyResults());
    }
  }

  @Override
  public void process(Record<String, byte[]> record) {
    Decoding.decode(topic, record, LOG).ifPresent(value -> handle.accept(assembly, value));
  }
}
