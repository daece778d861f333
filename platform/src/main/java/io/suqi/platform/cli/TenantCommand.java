package io.suqi.platform.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.suqi.platform.postgres.ConnectionPool;
import io.suqi.platform.runtime.RuntimeConfig;
import io.suqi.platform.runtime.RuntimeInfo;
import io.suqi.platform.tenant.ApiKeys;
import io.suqi.platform.tenant.TenantDbRoles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "tenant", mixinStandardHelpOptions = true, description = "Manage tenants.",
    subcommands = {TenantCommand.Create.class, TenantCommand.DbRole.class})
final class TenantCommand implements Runnable {

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  /** The tenant name rule of every subcommand. */
  private static void requireTenantName(String name) {
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}")) {
      throw new IllegalArgumentException("a tenant name is 1-63 letters, digits, '.', '_' or '-', got '" + name + "'");
    }
  }

  /** --postgres: which PostgreSQL a subcommand talks to (else the one of --data-dir's `suqi up`). */
  static final class PostgresOption {

    @Option(names = "--postgres", paramLabel = "JDBC_URL",
        description = "PostgreSQL to use (default: the running `suqi up` of --data-dir, else "
            + "jdbc:postgresql://127.0.0.1:" + RuntimeConfig.DEFAULT_POSTGRES_PORT + "/suqi?user=postgres).")
    String postgres;

    String url(DataDirOption dataDir) {
      return postgres != null ? postgres : dataDir.running().map(RuntimeInfo::postgres)
          .orElse("jdbc:postgresql://127.0.0.1:" + RuntimeConfig.DEFAULT_POSTGRES_PORT + "/suqi?user=postgres");
    }

    HikariDataSource open(DataDirOption dataDir) {
      try {
        return ConnectionPool.open(url(dataDir), "suqi-cli", 1);
      } catch (RuntimeException e) {
        throw new IllegalStateException("cannot reach PostgreSQL at " + url(dataDir)
            + " (is `bin/suqi up` running?): " + e.getMessage(), e);
      }
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create a tenant (or reuse an existing one) and print a new API key for it.")
  static final class Create implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "The tenant id, e.g. acme-retail.")
    String name;

    @Mixin
    DataDirOption dataDir;

    @Mixin
    PostgresOption postgres;

    @Option(names = "--db-role", paramLabel = "ROLE",
        description = "Also give the tenant this database role for asking from SQL (see `tenant db-role`).")
    String dbRole;

    @Override
    public Integer call() throws Exception {
      requireTenantName(name);
      String key;
      try (HikariDataSource db = postgres.open(dataDir)) {
        key = new ApiKeys(db).create(name);
        if (dbRole != null) {
          DbRole.print(new TenantDbRoles(db).map(name, dbRole));
        }
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

  @Command(name = "db-role", mixinStandardHelpOptions = true,
      description = {"Let a database role ask from SQL for a tenant: suqi.ask, suqi.answer and "
          + "public.ask_suqi_query then answer that role from the tenant's data.",
          "A new role is created with LOGIN and a generated password (printed once) and no other "
          + "privilege; an existing role (e.g. PostgREST's `authenticated`) is mapped as it is."})
  static final class DbRole implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TENANT", description = "The tenant id (created if new).")
    String tenant;

    @Parameters(index = "1", paramLabel = "ROLE", description = "The database role, e.g. acme_sql.")
    String role;

    @Mixin
    DataDirOption dataDir;

    @Mixin
    PostgresOption postgres;

    @Override
    public Integer call() throws Exception {
      requireTenantName(tenant);
      try (HikariDataSource db = postgres.open(dataDir)) {
        print(new TenantDbRoles(db).map(tenant, role));
      }
      return 0;
    }

    static void print(TenantDbRoles.Mapping mapping) {
      System.out.println("database role " + mapping.role() + " asks for tenant " + mapping.tenantId()
          + ": SELECT suqi.ask('top 5 stores by revenue last month');");
      mapping.newPassword().ifPresent(password -> {
        System.out.println("role " + mapping.role() + " created — password (shown once):");
        System.out.println(password);
      });
    }
  }
}
