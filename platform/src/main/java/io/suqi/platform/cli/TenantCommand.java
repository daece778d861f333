package io.suqi.platform.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.suqi.platform.postgres.ConnectionPool;
import io.suqi.platform.runtime.RuntimeConfig;
import io.suqi.platform.runtime.RuntimeInfo;
import io.suqi.platform.tenant.ApiKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "tenant", mixinStandardHelpOptions = true, description = "Manage tenants.",
    subcommands = TenantCommand.Create.class)
final class TenantCommand implements Runnable {

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create a tenant (or reuse an existing one) and print a new API key for it.")
  static final class Create implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "The tenant id, e.g. acme-retail.")
    String name;

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--postgres", paramLabel = "JDBC_URL",
        description = "PostgreSQL to use (default: the running `suqi up` of --data-dir, else "
            + "jdbc:postgresql://127.0.0.1:" + RuntimeConfig.DEFAULT_POSTGRES_PORT + "/suqi?user=postgres).")
    String postgres;

    @Override
    public Integer call() throws Exception {
      if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}")) {
        throw new IllegalArgumentException("a tenant name is 1-63 letters, digits, '.', '_' or '-', got '" + name + "'");
      }
      String url = postgres != null ? postgres : dataDir.running().map(RuntimeInfo::postgres)
          .orElse("jdbc:postgresql://127.0.0.1:" + RuntimeConfig.DEFAULT_POSTGRES_PORT + "/suqi?user=postgres");
      String key;
      try (HikariDataSource db = ConnectionPool.open(url, "suqi-cli", 1)) {
        key = new ApiKeys(db).create(name);
      } catch (RuntimeException e) {
        throw new IllegalStateException("cannot reach PostgreSQL at " + url
            + " (is `bin/suqi up` running?): " + e.getMessage(), e);
      }
      rememberForAsk(dataDir.directory().cliKey(), key);
      System.out.println("tenant " + name + " — API key (shown once; stored hashed):");
      System.out.println(key);
      return 0;
    }

    /** `suqi ask` uses the last key created here unless given --key or SUQI_API_KEY. */
    private static void rememberForAsk(Path file, String key) {
      try {
        Files.createDirectories(file.getParent());
        Files.writeString(file, key + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (Exception e) {
        System.err.println("note: could not save the key for `suqi ask` in " + file + ": " + e.getMessage());
      }
    }
  }
}
