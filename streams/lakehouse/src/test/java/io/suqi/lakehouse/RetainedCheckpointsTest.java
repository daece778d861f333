package io.suqi.lakehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.flink.runtime.checkpoint.Checkpoints;
import org.apache.flink.runtime.checkpoint.metadata.CheckpointMetadata;
import org.apache.flink.runtime.checkpoint.OperatorState;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.state.KeyGroupRange;
import org.apache.flink.runtime.state.KeyGroupRangeOffsets;
import org.apache.flink.runtime.state.KeyGroupsStateHandle;
import org.apache.flink.runtime.state.KeyedStateHandle;
import org.apache.flink.runtime.state.memory.ByteStreamStateHandle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetainedCheckpointsTest {

  @TempDir
  Path dir;

  @Test
  void noDirectoryOrNoCompletedCheckpointMeansNothingToRestore() throws Exception {
    assertThat(RetainedCheckpoints.latest(dir.resolve("missing"))).isEmpty();
    Files.createDirectories(dir.resolve("job-a/chk-3"));   // killed before its metadata was written
    assertThat(RetainedCheckpoints.latest(dir)).isEmpty();
  }

  @Test
  void picksTheMostRecentlyCompletedCheckpointAcrossRuns() throws Exception {
    checkpoint("job-a", 7, "2026-10-01T10:00:00Z");
    checkpoint("job-a", 8, "2026-10-01T10:00:02Z");
    Path latest = checkpoint("job-b", 9, "2026-10-01T11:00:00Z");   // a later run, continuing the ids

    assertThat(RetainedCheckpoints.latest(dir)).contains(latest);
  }

  @Test
  void skipsACheckpointWhoseMetadataCannotBeRead() throws Exception {
    Path readable = checkpoint("job-a", 1, "2026-10-01T10:00:00Z");
    Path truncated = Files.createDirectories(dir.resolve("job-a/chk-2"));
    Files.write(truncated.resolve("_metadata"), new byte[] {1, 2, 3});
    Files.setLastModifiedTime(truncated.resolve("_metadata"), FileTime.from(Instant.parse("2026-10-01T10:00:05Z")));

    assertThat(RetainedCheckpoints.latest(dir)).contains(readable);
  }

  @Test
  void prunesJobDirectoriesWithoutACompletedCheckpoint() throws Exception {
    Path kept = checkpoint("job-a", 1, "2026-10-01T10:00:00Z");
    Files.createDirectories(dir.resolve("job-b/shared"));
    Files.createDirectories(dir.resolve("job-c/chk-1"));

    RetainedCheckpoints.pruneEmptyJobDirectories(dir, Optional.of(kept));

    try (var left = Files.list(dir)) {
      assertThat(left.map(path -> path.getFileName().toString()).toList()).containsExactly("job-a");
    }
  }

  @Test
  void keepsAJobDirectoryWhoseSharedFilesALaterIncrementalCheckpointMayReference() throws Exception {
    // Given a run whose checkpoints a later run claimed, leaving the SST files they share
    Path kept = checkpoint("job-b", 1, "2026-10-01T10:00:00Z");
    Path shared = Files.createDirectories(dir.resolve("job-a/shared"));
    Files.write(shared.resolve("0a1b-000012.sst"), new byte[] {1});

    // When empty job directories are pruned
    RetainedCheckpoints.pruneEmptyJobDirectories(dir, Optional.of(kept));

    // Then the shared files stay
    assertThat(shared.resolve("0a1b-000012.sst")).exists();
  }

  @Test
  void aCheckpointOfHeapStateIsRefusedWithWhatToDo() throws Exception {
    // Given a checkpoint whose keyed state is a full (heap) snapshot, as earlier versions wrote
    KeyedStateHandle heapSnapshot = new KeyGroupsStateHandle(new KeyGroupRangeOffsets(KeyGroupRange.of(0, 127)),
        new ByteStreamStateHandle("keyed", new byte[] {1}));
    OperatorState operator = new OperatorState("txn-merger", "txn-merger", new OperatorID(), 1, 128);
    operator.putState(0, OperatorSubtaskState.builder().setManagedKeyedState(heapSnapshot).build());
    Path checkpoint = Files.createDirectories(dir.resolve("job-a/chk-7"));
    try (OutputStream out = Files.newOutputStream(checkpoint.resolve("_metadata"))) {
      Checkpoints.storeCheckpointMetadata(new CheckpointMetadata(7, List.of(operator), List.of()), out);
    }

    // When it is checked before a restore, then it is refused with the way out
    assertThatThrownBy(() -> RetainedCheckpoints.requireRestorable(checkpoint))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("earlier suqi").hasMessageContaining("new --data-dir");
  }

  @Test
  void aCheckpointWithoutKeyedStateCanBeRestored() throws Exception {
    Path checkpoint = checkpoint("job-a", 1, "2026-10-01T10:00:00Z");

    RetainedCheckpoints.requireRestorable(checkpoint);   // does not throw
  }

  private Path checkpoint(String job, long id, String completedAt) throws Exception {
    Path checkpoint = Files.createDirectories(dir.resolve(job).resolve("chk-" + id));
    Path metadata = checkpoint.resolve("_metadata");
    try (OutputStream out = Files.newOutputStream(metadata)) {
      Checkpoints.storeCheckpointMetadata(new CheckpointMetadata(id, List.of(), List.of()), out);
    }
    Files.setLastModifiedTime(metadata, FileTime.from(Instant.parse(completedAt)));
    return checkpoint;
  }
}
