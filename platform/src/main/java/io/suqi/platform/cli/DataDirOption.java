package io.suqi.platform.cli;

import io.suqi.platform.runtime.DataDirectory;
import io.suqi.platform.runtime.RuntimeInfo;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** --data-dir, shared by every command, and what a running `suqi up` wrote there. */
final class DataDirOption {

  @Option(names = "--data-dir", defaultValue = ".suqi", paramLabel = "DIR",
      description = "Where the embedded runtime keeps its state (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  DataDirectory directory() {
    return new DataDirectory(dataDir);
  }

  Optional<RuntimeInfo> running() {
    return RuntimeInfo.readFrom(directory().runtimeInfo());
  }
}
