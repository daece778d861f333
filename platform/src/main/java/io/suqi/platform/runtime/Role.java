package io.suqi.platform.runtime;

/**
 * The parts of the system one `suqi up` process runs. The embedded default runs all of them; a
 * distributed deployment runs each role in its own processes (see docker-compose.yml) and scales
 * them independently.
 */
public enum Role {
  /** Kafka Streams orchestrator and the writer of the orchestration log into Postgres. */
  ORCHESTRATOR,
  /** Agent consumers of agent.*.tasks. */
  AGENTS,
  /** HTTP gateway. */
  GATEWAY,
  /** Kafka Connect worker with the Debezium source over retail.* and kb.documents (CDC). */
  CONNECT,
  /** Flink medallion job: CDC and POS events into bronze, silver and gold tables. */
  LAKEHOUSE
}
