package io.suqi.platform.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where the embedded runtime keeps its state: Kafka's log, the PostgreSQL cluster, Kafka Streams
 * state stores and the endpoints of the running process. One process at a time owns it, through
 * an OS file lock that dies with the process (so a SIGKILL leaves no stale lock behind).
 */
public final class DataDirectory implements AutoCloseable {

  private final Path root;
  private FileChannel lockChannel;
  private FileLock lock;

  public DataDirectory(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  public Path kafkaLogs() {
    return root.resolve("kafka/logs");
  }

  public Path postgresCluster() {
    return root.resolve("postgres");
  }

  public Path streamsState() {
    return root.resolve("streams");
  }

  public Path lakehouseCheckpoints() {
    return root.resolve("lakehouse/checkpoints");
  }

  /** Native libraries the embedding model's tokenizer unpacks (DJL's cache), kept out of the home folder. */
  public Path nativeLibraries() {
    return root.resolve("native");
  }

  public Path runtimeInfo() {
    return root.resolve("runtime.json");
  }

  public Path cliKey() {
    return root.resolve("cli/api-key");
  }

  /** Takes ownership of the directory, or says which process holds it. */
  public void lock() {
    try {
      Files.createDirectories(root);
      lockChannel = FileChannel.open(root.resolve("suqi.lock"), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
      lock = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use data directory " + root + ": " + e.getMessage(), e);
    }
    if (lock == null) {
      throw new IllegalStateException("data directory " + root
          + " is in use by another running suqi; stop it first or choose another with --data-dir");
    }
  }

  @Override
  public void close() {
    try {
      if (lock != null) {
        lock.release();
      }
      if (lockChannel != null) {
        lockChannel.close();
      }
    } catch (IOException ignored) {
      // the lock dies with the process anyway
    }
  }
}
