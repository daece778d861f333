package io.suqi.orchestrator;

import java.util.Optional;
import java.util.Set;

/**
 * A sink partitioner's answer for one partition, built once per partition number: Kafka Streams asks
 * for a set of partitions for every record, and the router writes one for every question.
 */
final class TenantSinkPartitions {

  private static final int KEPT = 256;
  @SuppressWarnings("unchecked")
  private static final Optional<Set<Integer>>[] BY_PARTITION = new Optional[KEPT];

  static {
    for (int p = 0; p < KEPT; p++) {
      BY_PARTITION[p] = Optional.of(Set.of(p));
    }
  }

  private TenantSinkPartitions() {}

  static Optional<Set<Integer>> of(int partition) {
    return partition < KEPT ? BY_PARTITION[partition] : Optional.of(Set.of(partition));
  }
}
