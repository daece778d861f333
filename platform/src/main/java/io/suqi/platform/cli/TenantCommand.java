package io.suqi.platform.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.suqi.platform.postgres.ConnectionPool;
import io.suqi.platform.runtime.RuntimeConfig;
import io.suqi.platform.runtime.RuntimeInfo;
import io.suqi.platform.tenant.ApiKeys;
import io.suqi.platform.tenant.TenantAccessPublisher;
import io.suqi.platform.tenant.TenantDbRoles;
import io.suqi.platform.tenant.TenantPolicies;
import io.suqi.schemas.KeyRole;
import java.util.List;
import java.util.Optional;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "tenant", mixinStandardHelpOptions = true, description = "Manage tenants.",
    subcommands = {TenantCommand.Create.class, TenantCommand.DbRole.class, TenantCommand.Policy.class})
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

    @Option(names = "--user", paramLabel = "USER",
        description = "The user the key belongs to (per-user quotas and throttles apply); default: a tenant-wide key.")
    String user;

    @Option(names = "--admin", description = "An administrator's key (may ask the security agent).")
    boolean admin;

    @Option(names = "--db-role", paramLabel = "ROLE",
        description = "Also give the tenant this database role for asking from SQL (see `tenant db-role`).")
    String dbRole;

    @Override
    public Integer call() throws Exception {
      requireTenantName(name);
      String key;
      try (HikariDataSource db = postgres.open(dataDir)) {
        ApiKeys keys = new ApiKeys(db);
        key = keys.create(name, user, admin ? KeyRole.ADMIN : KeyRole.USER);
        ApiKeys.StoredKey stored = keys.stored(ApiKeys.hash(key)).orElseThrow();
        tellTheGates(dataDir, postgres, publisher -> publisher.publish(stored));
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

  /**
   * Publishes a change for the orchestrator's gates when a `suqi up` runs for the data dir; otherwise
   * the next `suqi up` publishes it at start (Postgres is the record).
   */
  private static void tellTheGates(DataDirOption dataDir, PostgresOption postgres,
      java.util.function.Consumer<TenantAccessPublisher> publish) {
    Optional<String> kafka = dataDir.running().map(RuntimeInfo::kafka);
    if (kafka.isEmpty()) {
      System.err.println(notPublished(dataDir, postgres));
      return;
    }
    try (TenantAccessPublisher publisher = new TenantAccessPublisher(kafka.get())) {
      publish.accept(publisher);
    }
  }

  /**
   * Why a change reached Postgres but not a running orchestrator. Postgres answered without a
   * `suqi up` for this data dir: with the default URL that is most likely a `suqi up` started with
   * another --data-dir, whose gates would otherwise go on refusing a new key until it restarts.
   */
  static String notPublished(DataDirOption dataDir, PostgresOption postgres) {
    Path root = dataDir.directory().root();
    if (postgres.postgres != null) {
      return "note: stored in " + postgres.postgres + "; no `suqi up` runs for " + root
          + ", so an orchestrator using that database learns this change when it starts";
    }
    return "note: stored in the PostgreSQL at " + postgres.url(dataDir) + ", but no `suqi up` runs for " + root
        + ". If a `suqi up` started with another --data-dir uses that database, its orchestrator learns this"
        + " change only when it restarts: repeat the command with that --data-dir to apply it now.";
  }

  @Command(name = "policy", mixinStandardHelpOptions = true,
      description = {"Show or set what a tenant may use: the platforms it may ask from (X-Suqi-Platform) and "
          + "its quotas. Limits left out keep the orchestrator's defaults.",
          "Example: bin/suqi tenant policy acme-retail --platforms chat,pos --questions-per-minute 120"})
  static final class Policy implements Callable<Integer> {

    @Parameters(paramLabel = "TENANT", description = "The tenant id.")
    String tenant;

    @Option(names = "--platforms", split = ",", paramLabel = "NAME",
        description = "Platforms the tenant may ask from (comma-separated); `all` lifts the restriction.")
    List<String> platforms;

    @Option(names = "--questions-per-minute", paramLabel = "N", description = "Questions per minute, whole tenant.")
    Integer questionsPerMinute;

    @Option(names = "--user-questions-per-minute", paramLabel = "N", description = "Questions per minute per user.")
    Integer userQuestionsPerMinute;

    @Option(names = "--tokens-per-day", paramLabel = "N", description = "Agent tokens per UTC day, whole tenant.")
    Long tokensPerDay;

    @Option(names = "--user-tokens-per-day", paramLabel = "N", description = "Agent tokens per UTC day per user.")
    Long userTokensPerDay;

    @Option(names = "--debug", arity = "1", paramLabel = "true|false",
        description = "Add each step's detail to the trace of the tenant's questions.")
    Boolean debug;

    @Mixin
    DataDirOption dataDir;

    @Mixin
    PostgresOption postgres;

    @Override
    public Integer call() throws Exception {
      requireTenantName(tenant);
      try (HikariDataSource db = postgres.open(dataDir)) {
        TenantPolicies policies = new TenantPolicies(db);
        TenantPolicies.Policy current = policies.get(tenant)
            .orElse(new TenantPolicies.Policy(tenant, null, null, null, null, null, false));
        boolean changes = platforms != null || questionsPerMinute != null || userQuestionsPerMinute != null
            || tokensPerDay != null || userTokensPerDay != null || debug != null;
        if (changes) {
          List<String> allowed = platforms == null ? current.platforms()
              : platforms.size() == 1 && platforms.get(0).equalsIgnoreCase("all") ? null : List.copyOf(platforms);
          current = new TenantPolicies.Policy(tenant, allowed,
              questionsPerMinute != null ? questionsPerMinute : current.questionsPerMinute(),
              userQuestionsPerMinute != null ? userQuestionsPerMinute : current.userQuestionsPerMinute(),
              tokensPerDay != null ? tokensPerDay : current.tokensPerDay(),
              userTokensPerDay != null ? userTokensPerDay : current.userTokensPerDay(),
              debug != null ? debug : current.debug());
          policies.put(current);
          TenantPolicies.Policy changed = current;
          tellTheGates(dataDir, postgres, publisher -> publisher.publish(changed));
        }
        System.out.println("tenant " + tenant + ": platforms " + (current.platforms() == null ? "all"
            : String.join(", ", current.platforms())) + "; questions/min " + orDefault(current.questionsPerMinute())
            + " (per user " + orDefault(current.userQuestionsPerMinute()) + "); tokens/day "
            + orDefault(current.tokensPerDay()) + " (per user " + orDefault(current.userTokensPerDay()) + "); debug "
            + current.debug());
      }
      return 0;
    }

    private static String orDefault(Object limit) {
      return limit == null ? "default" : limit.toString();
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
