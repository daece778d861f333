package io.suqi.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CdcSourceTest {

  @Test
  void readsTheEmbeddedDatabasesJdbcUrl() {
    CdcSource source = CdcSource.fromJdbcUrl("jdbc:postgresql://127.0.0.1:55432/suqi?user=postgres");

    assertThat(source).isEqualTo(new CdcSource("127.0.0.1", 55432, "suqi", "postgres", null));
    assertThat(source.connectorProperties()).containsEntry("database.hostname", "127.0.0.1")
        .containsEntry("database.port", "55432").containsEntry("database.dbname", "suqi")
        .containsEntry("database.user", "postgres").containsEntry("database.password", "");
  }

  @Test
  void readsAPasswordAndDefaultsThePort() {
    CdcSource source = CdcSource.fromJdbcUrl("jdbc:postgresql://postgres/suqi?user=postgres&password=s%26cret&ssl=false");

    assertThat(source).isEqualTo(new CdcSource("postgres", 5432, "suqi", "postgres", "s&cret"));
    assertThat(source.toString()).doesNotContain("s&cret");
  }

  @Test
  void aUrlWithoutUserOrOfAnotherDatabaseIsAClearError() {
    assertThatThrownBy(() -> CdcSource.fromJdbcUrl("jdbc:postgresql://h:1/suqi?password=secret"))
        .hasMessageContaining("names no user").hasMessageNotContaining("secret");
    assertThatThrownBy(() -> CdcSource.fromJdbcUrl("jdbc:mysql://h:1/suqi?user=u"))
        .hasMessageContaining("not a PostgreSQL JDBC URL");
    assertThatThrownBy(() -> new CdcSource("h", 0, "suqi", "u", null)).hasMessageContaining("port");
    assertThatThrownBy(() -> new CdcSource("h", 5432, " ", "u", null)).hasMessageContaining("database name");
  }
}
