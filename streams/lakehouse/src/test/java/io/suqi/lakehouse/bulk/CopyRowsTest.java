package io.suqi.lakehouse.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suqi.lakehouse.LakehouseDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Binary COPY rows as Postgres reads them: each value equal to what its text would have given. */
class CopyRowsTest {

  private static final String COPY = CopyRows.copyInto("copy_rows_check (t, i, b, n, ts, f)");

  @RegisterExtension
  static final LakehouseDatabase database = LakehouseDatabase.perTestClass();

  @BeforeEach
  void table() throws SQLException {
    database.execute("DROP TABLE IF EXISTS copy_rows_check");
    database.execute("CREATE TABLE copy_rows_check (id serial, t text, i int, b bigint, n numeric, ts timestamptz, "
        + "f bool)");
  }

  @Test
  void decimalsKeepTheirValueAndScale() throws SQLException {
    // Given decimals of every shape: zero with and without a scale, negative, exponents, a fraction
    // smaller than a base-10000 digit, digits on both sides of group boundaries, and beyond a long
    String[] decimals = {"0", "0.00", "12.50", "-0.05", "1200", "1.2E+3", "5E+30", "0E+3", "-12.340", "0.0001",
        "0.00001", "10000", "9999.9999", "-1.000000000000000001", "123456789012345678901234.5",
        "0.000000000000000000000000005", "100000000.00000001"};
    CopyRows rows = new CopyRows();
    for (String decimal : decimals) {
      rows.text(null).integer(0).bigint(0).decimal(new BigDecimal(decimal)).timestamp(null).bool(false).end();
    }

    // When they are copied
    copy(rows);

    // Then Postgres holds each as its plain text reads, scale and all
    List<String> expected = new ArrayList<>();
    for (String decimal : decimals) {
      expected.add(new BigDecimal(decimal).toPlainString());
    }
    assertThat(database.rows("SELECT n::text FROM copy_rows_check ORDER BY id")).containsExactlyElementsOf(expected);
  }

  @Test
  void timestampsAreTheInstantsToTheMicrosecond() throws SQLException {
    // Given instants before and after Postgres's epoch (2000), with and without fractions
    Instant[] instants = {Instant.EPOCH, Instant.parse("1999-12-31T23:59:59.999999Z"),
        Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2026-11-30T10:15:30.123456Z"),
        Instant.parse("1969-07-20T20:17:40.5Z")};
    CopyRows rows = new CopyRows();
    for (Instant instant : instants) {
      rows.text(instant.toString()).integer(0).bigint(0).decimal(null).timestamp(instant).bool(true).end();
    }

    // When they are copied
    copy(rows);

    // Then each equals the same instant read from its text
    assertThat(database.rows("SELECT t, (ts = t::timestamptz)::text FROM copy_rows_check ORDER BY id"))
        .containsExactly(java.util.Arrays.stream(instants).map(instant -> instant + "|true").toArray(String[]::new));
  }

  @Test
  void nanosecondsRoundToTheNearestMicrosecondTiesToEven() throws SQLException {
    Instant second = Instant.parse("2026-01-01T00:00:00Z");
    CopyRows rows = new CopyRows();
    for (int nanos : new int[] {499, 501, 1_500, 2_500, 999_999_500}) {
      rows.text(null).integer(0).bigint(0).decimal(null).timestamp(second.plusNanos(nanos)).bool(true).end();
    }

    copy(rows);

    assertThat(database.rows("SELECT to_char(ts AT TIME ZONE 'UTC', 'HH24:MI:SS.US') FROM copy_rows_check ORDER BY id"))
        .containsExactly("00:00:00.000000", "00:00:00.000001", "00:00:00.000002", "00:00:00.000002",
            "00:00:01.000000");
  }

  @Test
  void textIntegersNullsAndBooleansReadBackAsWritten() throws SQLException {
    CopyRows rows = new CopyRows();
    rows.text("tab\tnew\nline \\ café 東京 🛒").integer(Integer.MIN_VALUE).bigint(Long.MAX_VALUE)
        .decimal(BigDecimal.ONE).timestamp(Instant.EPOCH).bool(true).end();
    rows.text("").integer(-1).bigint((Long) null).decimal(null).timestamp(null).bool(false).end();

    copy(rows);

    assertThat(database.rows("SELECT t, i, coalesce(b::text, 'null'), coalesce(n::text, 'null'), f::text "
        + "FROM copy_rows_check ORDER BY id"))
        .containsExactly("tab\tnew\nline \\ café 東京 🛒|-2147483648|9223372036854775807|1|true",
            "|-1|null|null|false");
  }

  @Test
  void aValueOfTheWrongWidthIsRefusedByPostgres() {
    // An int column given a bigint: binary COPY converts nothing, so the mistake cannot pass silently.
    CopyRows rows = new CopyRows();
    rows.text(null).bigint(1).bigint(0).decimal(null).timestamp(null).bool(false).end();

    assertThatThrownBy(() -> copy(rows)).isInstanceOf(SQLException.class).hasMessageContaining("binary");
  }

  @Test
  void noRowsIsNoInput() {
    assertThat(new CopyRows().bytes()).isEmpty();
  }

  private static void copy(CopyRows rows) throws SQLException {
    try (Connection sql = database.dataSource().getConnection()) {
      BatchTransactions.copy(sql, COPY, rows.bytes());
    }
  }
}
