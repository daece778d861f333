package io.suqi.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With the captured tables idle and other tables busy, heartbeats keep the replication slot
 * advancing, so PostgreSQL can recycle WAL instead of keeping it for an idle connector.
 */
class HeartbeatIT {

  private static CdcStack stack;

  @BeforeAll
  static void start() throws Exception {
    stack = CdcStack.start(Duration.ofSeconds(1), cdc -> cdc.with("heartbeat.interval.ms", "500"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void writesToUncapturedTablesAdvanceTheSlot() throws Exception {
    stack.db.inOneTransaction("CREATE TABLE public.scratch (id serial PRIMARY KEY, note text)");
    long before = stack.db.confirmedFlushLsn(stack.slot).orElseThrow();

    long deadline = System.nanoTime() + CdcStack.FIRST_RECORD.toNanos();
    long now = before;
    while (now <= before && System.nanoTime() < deadline) {
      stack.db.inOneTransaction("INSERT INTO public.scratch (note) SELECT 'filler ' || g FROM generate_series(1, 100) g");
      Thread.sleep(500);
      now = stack.db.confirmedFlushLsn(stack.slot).orElseThrow();
    }

    assertThat(now).as("confirmed_flush_lsn of slot %s", stack.slot).isGreaterThan(before);
  }

  @Test
  void theWorkerCreatesTheHeartbeatTopic() throws Exception {
    try (Admin admin = stack.broker.admin()) {
      Set<String> topics = admin.listTopics().names().get();
      assertThat(topics).contains(stack.cdc.heartbeatTopic());
      assertThat(admin.describeTopics(Set.of(stack.cdc.heartbeatTopic())).allTopicNames().get()
          .get(stack.cdc.heartbeatTopic()).partitions()).hasSize(1);
    }
  }
}
