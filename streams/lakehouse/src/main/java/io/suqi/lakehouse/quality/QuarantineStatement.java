package io.suqi.lakehouse.quality;

import io.suqi.lakehouse.PostgresText;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;

/** Inserts into silver.quarantine; a replayed record (same topic, partition, offset) is ignored. */
public final class QuarantineStatement implements JdbcQueryStatement<QuarantinedRecord> {

  private static final long serialVersionUID = 1L;

  @Override
  public String query() {
    return "INSERT INTO silver.quarantine (source_topic, kafka_partition, kafka_offset, expectation, reason, key, "
        + "value, quarantined_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
        + "ON CONFLICT (source_topic, kafka_partition, kafka_offset) DO NOTHING";
  }

  @Override
  public void statement(PreparedStatement statement, QuarantinedRecord record) throws SQLException {
    statement.setString(1, record.sourceTopic());
    statement.setInt(2, record.partition());
    statement.setLong(3, record.offset());
    statement.setString(4, record.expectation());
    statement.setString(5, PostgresText.storable(record.reason()));
    statement.setString(6, PostgresText.storable(record.key()));
    statement.setString(7, PostgresText.storable(record.value()));
    statement.setObject(8, record.quarantinedAt().atOffset(ZoneOffset.UTC));
  }
}
