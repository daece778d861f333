package io.suqi.lakehouse;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.runtime.checkpoint.Checkpoints;
import org.apache.flink.runtime.checkpoint.metadata.CheckpointMetadata;
import org.apache.flink.runtime.state.IncrementalKeyedStateHandle;
import org.apache.flink.util.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoints Flink retained in a checkpoint directory: {@code <dir>/<job id>/chk-<n>/_metadata}.
 * A checkpoint counts only when its metadata can be read back: a process killed while writing
 * one leaves a directory (or a truncated file) that must not be restored from.
 */
public final class RetainedCheckpoints {

  private static final Logger LOG = LoggerFactory.getLogger(RetainedCheckpoints.class);
  private static final Pattern CHECKPOINT = Pattern.compile("chk-\\d+");
  private static final String METADATA = "_metadata";
  private static final String SHARED_STATE = "shared";

  private RetainedCheckpoints() {}

  private record Candidate(Path directory, FileTime completedAt, long id) {}

  /** The most recently completed readable checkpoint in {@code dir}, if any. */
  public static Optional<Path> latest(Path dir) {
    for (Candidate candidate : completed(dir)) {
      if (readable(candidate.directory())) {
        return Optional.of(candidate.directory());
      }
      LOG.warn("skipping checkpoint {}: its metadata cannot be read", candidate.directory());
    }
    return Optional.empty();
  }

  /**
   * Deletes job directories holding no completed checkpoint (a run stopped before its first one,
   * or a run whose checkpoints a later run claimed and subsumed), keeping {@code keep}.
   */
  static void pruneEmptyJobDirectories(Path dir, Optional<Path> keep) {
    for (Path jobDir : children(dir)) {
      // shared/ holds the files of incremental checkpoints, which a later run's checkpoints may
      // still reference after claiming this run's checkpoint: such a directory is not empty.
      boolean holdsCheckpoint = children(jobDir).stream().anyMatch(RetainedCheckpoints::isCompleted)
          || holdsFiles(jobDir.resolve(SHARED_STATE));
      boolean kept = keep.isPresent() && keep.get().startsWith(jobDir);
      if (Files.isDirectory(jobDir) && !holdsCheckpoint && !kept) {
        try {
          FileUtils.deleteDirectory(jobDir.toFile());
        } catch (IOException e) {
          LOG.warn("cannot delete the empty checkpoint directory {}", jobDir, e);
        }
      }
    }
  }

  /** Newest first: by completion time, then by checkpoint id. */
  private static List<Candidate> completed(Path dir) {
    List<Candidate> candidates = new ArrayList<>();
    for (Path jobDir : children(dir)) {
      for (Path checkpoint : children(jobDir)) {
        if (isCompleted(checkpoint)) {
          try {
            FileTime completedAt = Files.getLastModifiedTime(checkpoint.resolve(METADATA));
            long id = Long.parseLong(checkpoint.getFileName().toString().substring("chk-".length()));
            candidates.add(new Candidate(checkpoint, completedAt, id));
          } catch (IOException e) {
            LOG.warn("cannot read {}", checkpoint, e);
          }
        }
      }
    }
    candidates.sort(Comparator.comparing(Candidate::completedAt).thenComparingLong(Candidate::id).reversed());
    return candidates;
  }

  private static boolean isCompleted(Path checkpoint) {
    return CHECKPOINT.matcher(checkpoint.getFileName().toString()).matches()
        && Files.isRegularFile(checkpoint.resolve(METADATA));
  }

  /**
   * Fails with what to do when {@code checkpoint} holds keyed state this version cannot restore:
   * state written by an earlier suqi that kept it on the heap (full snapshots) rather than in
   * RocksDB (incremental). Restoring it would fail on every attempt, deep inside Flink.
   */
  public static void requireRestorable(Path checkpoint) {
    CheckpointMetadata metadata;
    try {
      metadata = metadata(checkpoint);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the checkpoint " + checkpoint, e);
    }
    boolean incremental = metadata.getOperatorStates().stream()
        .flatMap(operator -> operator.getStates().stream())
        .flatMap(subtask -> subtask.getManagedKeyedState().stream())
        .allMatch(handle -> handle instanceof IncrementalKeyedStateHandle);
    if (!incremental) {
      throw new IllegalStateException("cannot resume the lakehouse from " + checkpoint + ": an earlier suqi wrote it, "
          + "keeping Flink state on the heap; this version keeps it in RocksDB and cannot read it. Run the earlier "
          + "version on this data directory, or start this one on a new --data-dir");
    }
  }

  private static boolean readable(Path checkpoint) {
    try {
      metadata(checkpoint);
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static CheckpointMetadata metadata(Path checkpoint) throws IOException {
    try (InputStream file = Files.newInputStream(checkpoint.resolve(METADATA));
        DataInputStream in = new DataInputStream(file)) {
      return Checkpoints.loadCheckpointMetadata(in, RetainedCheckpoints.class.getClassLoader(), checkpoint.toString());
    }
  }

  private static boolean holdsFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> entries = Files.walk(dir)) {
      return entries.anyMatch(Files::isRegularFile);
    } catch (IOException e) {
      return true;   // when in doubt, keep it
    }
  }

  private static List<Path> children(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
