package io.suqi.platform.runtime;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The psql client, run as an analyst would run it. The embedded PostgreSQL ships no client, so
 * it is found on the machine: $SUQI_PSQL, then PATH, then the usual package folders
 * (Debian/Ubuntu /usr/lib/postgresql/N/bin, RHEL /usr/pgsql-N/bin, Homebrew).
 */
final class Psql {

  /** What psql printed and how it ended. */
  record Result(int exitCode, String stdout, String stderr) {}

  private final Path executable;

  private Psql(Path executable) {
    this.executable = executable;
  }

  /** The psql of this machine, or an AssertionError saying how to provide one. */
  static Psql locate() {
    return find().map(Psql::new).orElseThrow(() -> new AssertionError(
        "psql (the PostgreSQL client) was not found: install it (Debian/Ubuntu: apt-get install postgresql-client) "
            + "or point SUQI_PSQL at it; looked at $SUQI_PSQL, PATH, /usr/lib/postgresql/*/bin, /usr/pgsql-*/bin, "
            + "/opt/homebrew/bin, /usr/local/bin"));
  }

  static Optional<Path> find() {
    List<Path> candidates = new ArrayList<>();
    Optional.ofNullable(System.getenv("SUQI_PSQL")).filter(s -> !s.isBlank()).map(Path::of).ifPresent(candidates::add);
    for (String dir : Optional.ofNullable(System.getenv("PATH")).orElse("").split(File.pathSeparator)) {
      if (!dir.isBlank()) {
        candidates.add(Path.of(dir, "psql"));
      }
    }
    candidates.addAll(newestFirst(Path.of("/usr/lib/postgresql"), "bin/psql"));
    candidates.addAll(newestFirst(Path.of("/usr"), "bin/psql", "pgsql-"));
    candidates.add(Path.of("/opt/homebrew/bin/psql"));
    candidates.add(Path.of("/usr/local/bin/psql"));
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  private static List<Path> newestFirst(Path parent, String relative, String... prefix) {
    if (!Files.isDirectory(parent)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(parent)) {
      return dirs.filter(d -> prefix.length == 0 || d.getFileName().toString().startsWith(prefix[0]))
          .sorted(Comparator.comparing((Path d) -> versionOf(d.getFileName().toString())).reversed())
          .map(d -> d.resolve(relative))
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static int versionOf(String name) {
    String digits = name.replaceAll("\\D", "");
    return digits.isEmpty() ? 0 : Integer.parseInt(digits.substring(0, Math.min(digits.length(), 4)));
  }

  /** Runs one SQL command as {@code user}, unaligned and tuples-only, stopping at the first error. */
  Result run(String host, int port, String database, String user, String password, String sql)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(executable.toString(), "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1",
        "-h", host, "-p", Integer.toString(port), "-d", database, "-U", user, "-c", sql);
    builder.environment().put("PGPASSWORD", password);
    builder.environment().put("PGCONNECT_TIMEOUT", "10");
    Path out = Files.createTempFile("psql", ".out");
    Path err = Files.createTempFile("psql", ".err");
    try {
      Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("psql did not finish within 90 s: " + sql);
      }
      return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8).strip(),
          Files.readString(err, StandardCharsets.UTF_8).strip());
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  @Override
  public String toString() {
    return executable.toString();
  }
}
