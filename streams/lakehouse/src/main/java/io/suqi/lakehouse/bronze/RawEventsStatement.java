package io.suqi.lakehouse.bronze;

import io.suqi.lakehouse.PostgresText;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;

/** Appends a record to bronze.raw_events; a replayed record (same topic, partition, offset) is ignored. */
public final class RawEventsStatement implements JdbcQueryStatement<RawEvent> {

  private static final long serialVersionUID = 1L;

  @Override
  public String query() {
    return "INSERT INTO bronze.raw_events (source, topic, kafka_partition, kafka_offset, key, value, ingested_at) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (topic, kafka_partition, kafka_offset) DO NOTHING";
  }

  @Override
  public void statement(PreparedStatement statement, RawEvent event) throws SQLException {
    statement.setString(1, event.source().label());
    statement.setString(2, event.topic());
    statement.setInt(3, event.partition());
    statement.setLong(4, event.offset());
    statement.setString(5, PostgresText.storable(event.key()));
    if (event.value() == null) {
      statement.setNull(6, Types.VARCHAR);
    } else {
      statement.setString(6, PostgresText.storable(event.value()));
    }
    statement.setObject(7, event.ingestedAt().atOffset(ZoneOffset.UTC));
  }
}
