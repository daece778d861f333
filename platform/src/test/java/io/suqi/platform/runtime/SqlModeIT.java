package io.suqi.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.suqi.platform.tenant.ApiKeys;
import io.suqi.platform.tenant.TenantDbRoles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQL mode end to end on the real embedded runtime: a tenant's database role asks from psql (and
 * JDBC), Debezium carries the outbox row to suqi.queries, the orchestrator and analytics agent
 * answer, and the answer written back to PostgreSQL is what suqi.answer returns.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlModeIT {

  private static final String QUESTION = "top 5 stores by revenue last month";
  private static final String ACME_ROLE = "acme_sql";
  private static final String RIVAL_ROLE = "rival_sql";

  private RunningSuqi suqi;
  private Psql psql;
  private String acmePassword;
  private String rivalPassword;
  private List<List<Object>> acmeTopStores;

  @BeforeAll
  void startSuqiWithTwoTenantRoles(@TempDir Path dataDir) throws Exception {
    psql = Psql.locate(); // before the runtime: a missing client fails at once, saying what to install
    suqi = RunningSuqi.start(dataDir);
    RetailFixture.load(suqi.db, LocalDate.now(ZoneOffset.UTC));
    MedallionCaughtUp.await(suqi.db, Duration.ofMinutes(2)); // analytics answers from silver and gold
    TenantDbRoles roles = new TenantDbRoles(suqi.db);
    acmePassword = roles.map(RetailFixture.TENANT, ACME_ROLE).newPassword().orElseThrow();
    rivalPassword = roles.map(RetailFixture.OTHER_TENANT, RIVAL_ROLE).newPassword().orElseThrow();
    acmeTopStores = TopStoresReference.topStoresLastMonth(suqi.db, RetailFixture.TENANT, 5);
    assertThat(acmeTopStores).hasSize(5);
  }

  @AfterAll
  void stop() {
    if (suqi != null) {
      suqi.close();
    }
  }

  @Test
  void sqlModeEndToEndFromPsql() throws Exception {
    // When the tenant's role asks from psql
    Psql.Result asked = psqlAs(ACME_ROLE, acmePassword, "SELECT suqi.ask('" + QUESTION + "')");
    assertThat(asked.exitCode()).as("psql: %s", asked.stderr()).isZero();
    String queryId = UUID.fromString(asked.stdout()).toString();

    // and reads the answer, also from psql
    Psql.Result answered = psqlAs(ACME_ROLE, acmePassword, "SELECT suqi.answer('" + queryId + "', 60000)");
    assertThat(answered.exitCode()).as("psql: %s", answered.stderr()).isZero();
    JsonNode answer = RunningSuqi.JSON.readTree(answered.stdout());

    // Then it is the analytics agent's answer over that tenant's own data, in the HTTP answer's shape
    assertAnsweredTopStores(answer, queryId);
    assertThat(answer.has("cache_hit")).isTrue();
    assertThat(answer.path("latency_ms").asLong()).isPositive();
  }

  @Test
  void theSameThroughJdbcAsTheTenantRole() throws Exception {
    try (Connection c = connectAs(ACME_ROLE, acmePassword)) {
      String queryId;
      try (PreparedStatement ask = c.prepareStatement("SELECT suqi.ask(?)")) {
        ask.setString(1, QUESTION);
        queryId = single(ask).toString();
      }
      try (PreparedStatement read = c.prepareStatement("SELECT suqi.answer(?::uuid, 60000)")) {
        read.setString(1, queryId);
        assertAnsweredTopStores(RunningSuqi.JSON.readTree(single(read).toString()), queryId);
      }
    }
  }

  @Test
  void theOneCallFormCommitsItsQuestionOnItsOwnAndWaitsForTheAnswer() throws Exception {
    try (Connection c = connectAs(ACME_ROLE, acmePassword)) {
      // Inside an open transaction, as PostgREST calls rpc(): only an autonomous insert lets CDC see it
      c.setAutoCommit(false);
      try (PreparedStatement call = c.prepareStatement("SELECT public.ask_suqi_query(?, 10, 'analytics')")) {
        call.setString(1, QUESTION);
        JsonNode answer = RunningSuqi.JSON.readTree(single(call).toString());
        // the first question may meet a cold JIT and a 10 s wait: then it says to read it with suqi.answer
        if ("timeout".equals(answer.path("status").asText())) {
          try (PreparedStatement read = c.prepareStatement("SELECT suqi.answer(?::uuid, 60000)")) {
            read.setString(1, answer.path("query_id").asText());
            answer = RunningSuqi.JSON.readTree(single(read).toString());
          }
        }
        assertAnsweredTopStores(answer, answer.path("query_id").asText());
      }
      c.rollback(); // the question was committed on its own connection; rolling back loses nothing
      assertThat(count("SELECT count(*) FROM suqi.outbox WHERE tenant_id = '" + RetailFixture.TENANT
          + "' AND platform = 'analytics'")).isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void answersToHttpQuestionsAreNotCopiedIntoSuqiAnswers() throws Exception {
    // Given a question asked over HTTP and answered there
    String key = new ApiKeys(suqi.db).create(RetailFixture.TENANT);
    String httpQuery = suqi.ask(key, "revenue by store last week").path("query_id").asText();
    assertThat(httpQuery).isNotBlank();

    // When a SQL-mode question of the same tenant is answered after it (same partition of
    // suqi.responses, so the writer has read the HTTP answer by then)
    try (Connection c = connectAs(ACME_ROLE, acmePassword)) {
      String sqlQuery;
      try (PreparedStatement ask = c.prepareStatement("SELECT suqi.ask(?)")) {
        ask.setString(1, "revenue by store yesterday");
        sqlQuery = single(ask).toString();
      }
      try (PreparedStatement read = c.prepareStatement("SELECT suqi.answer(?::uuid, 60000)")) {
        read.setString(1, sqlQuery);
        assertThat(RunningSuqi.JSON.readTree(single(read).toString()).path("query_id").asText()).isEqualTo(sqlQuery);
      }
    }

    // Then suqi.answers holds the SQL-mode answer only
    assertThat(count("SELECT count(*) FROM suqi.answers WHERE query_id::text = '" + httpQuery + "'")).isZero();
  }

  @Test
  void anUnmappedRoleIsToldHowToGetMapped() throws Exception {
    exec("CREATE ROLE stranger LOGIN PASSWORD 'stranger-pw'");

    Psql.Result refused = psqlAs("stranger", "stranger-pw", "SELECT suqi.ask('" + QUESTION + "')");

    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.stderr()).contains("database role \"stranger\" is not mapped to a Suqi tenant")
        .contains("bin/suqi tenant db-role TENANT stranger");
    try (Connection c = connectAs("stranger", "stranger-pw")) {
      assertThatThrownBy(() -> single(c.prepareStatement("SELECT public.ask_suqi_query('" + QUESTION + "')")))
          .isInstanceOf(SQLException.class).hasMessageContaining("is not mapped to a Suqi tenant");
    }
  }

  @Test
  void aTenantCannotReadAnotherTenantsAnswers() throws Exception {
    String acmeQuery;
    try (Connection acme = connectAs(ACME_ROLE, acmePassword);
        PreparedStatement ask = acme.prepareStatement("SELECT suqi.ask(?)")) {
      ask.setString(1, QUESTION);
      acmeQuery = single(ask).toString();
    }
    RunningSuqi.eventually(java.time.Duration.ofSeconds(60), "acme's answer in suqi.answers",
        () -> count("SELECT count(*) FROM suqi.answers WHERE query_id = '" + acmeQuery + "'") == 1);

    try (Connection rival = connectAs(RIVAL_ROLE, rivalPassword)) {
      // not through the function: the same error as for a query id that does not exist
      assertThatThrownBy(() -> single(rival.prepareStatement("SELECT suqi.answer('" + acmeQuery + "', 0)")))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("no question with query id " + acmeQuery + " was asked for tenant " + RetailFixture.OTHER_TENANT);
      // nor around it: tenant roles have no privilege on the tables
      assertThatThrownBy(() -> single(rival.prepareStatement("SELECT count(*) FROM suqi.answers")))
          .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
      // and its own question is answered from its own data only
      String rivalQuery;
      try (PreparedStatement ask = rival.prepareStatement("SELECT suqi.ask(?)")) {
        ask.setString(1, QUESTION);
        rivalQuery = single(ask).toString();
      }
      try (PreparedStatement read = rival.prepareStatement("SELECT suqi.answer(?::uuid, 60000)")) {
        read.setString(1, rivalQuery);
        JsonNode answer = RunningSuqi.JSON.readTree(single(read).toString());
        assertThat(answer.path("status").asText()).isEqualTo("answered");
        assertThat(TopStoresReference.storeRevenues(answer))
            .isEqualTo(TopStoresReference.topStoresLastMonth(suqi.db, RetailFixture.OTHER_TENANT, 5));
      }
    }
  }

  @Test
  void waitingInTheTransactionThatAskedIsAClearErrorNotATimeout() throws Exception {
    try (Connection acme = connectAs(ACME_ROLE, acmePassword)) {
      assertThatThrownBy(() -> single(acme.prepareStatement("SELECT suqi.answer(suqi.ask('" + QUESTION + "'), 60000)")))
          .isInstanceOf(SQLException.class).hasMessageContaining("is not committed yet, so it has not been sent");
    }
  }

  private void assertAnsweredTopStores(JsonNode answer, String queryId) {
    assertThat(answer.path("query_id").asText()).isEqualTo(queryId);
    assertThat(answer.path("status").asText()).as("answer %s", answer).isEqualTo("answered");
    assertThat(answer.path("intent").asText()).isEqualTo("analytics");
    assertThat(answer.path("agent").asText()).isEqualTo("analytics");
    assertThat(answer.path("answer").path("sql").asText()).containsIgnoringCase("select");
    assertThat(TopStoresReference.storeRevenues(answer)).isEqualTo(acmeTopStores);
  }

  private Psql.Result psqlAs(String role, String password, String sql) throws Exception {
    return psql.run("127.0.0.1", suqi.config.postgresPort(), "suqi", role, password, sql);
  }

  private Connection connectAs(String role, String password) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", role);
    p.setProperty("password", password);
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + suqi.config.postgresPort() + "/suqi", p);
  }

  /** Note: the statement is closed by its connection. */
  private static Object single(PreparedStatement statement) throws SQLException {
    try (ResultSet rs = statement.executeQuery()) {
      assertThat(rs.next()).isTrue();
      return rs.getObject(1);
    }
  }

  private long count(String sql) {
    try (Connection c = suqi.db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  private void exec(String sql) throws SQLException {
    try (Connection c = suqi.db.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
