package io.suqi.lakehouse.bulk;

import io.suqi.lakehouse.PostgresConnection;
import java.time.Duration;
import java.util.List;

/** Writes through the real bulk writer, for tests of a table's rows. */
public final class BulkWrites {

  private BulkWrites() {}

  /** One batch of {@code elements}, then the same batch again, as a replay after a restore writes it. */
  public static <T> void writeTwice(PostgresConnection database, BulkTable<T> table, List<T> elements)
      throws Exception {
    writeTwice(database, List.of(table), elements);
  }

  /** As {@link #writeTwice(PostgresConnection, BulkTable, List)}, into several tables together. */
  public static <T> void writeTwice(PostgresConnection database, List<BulkTable<T>> tables, List<T> elements)
      throws Exception {
    writeTwice(new BulkWriter<>(database, tables, SETTINGS, new ManualTime()), elements);
  }

  /** Settings under which only a flush writes (a batch up to 10,000 elements, a manual clock). */
  public static final BulkSettings SETTINGS = new BulkSettings(10_000, Duration.ofSeconds(1), 0);

  /** One batch of {@code elements} through {@code writer}, then the same batch again; closes the writer. */
  public static <T> void writeTwice(BulkWriter<T> writer, List<T> elements) throws Exception {
    try (writer) {
      for (int round = 0; round < 2; round++) {
        for (T element : elements) {
          writer.write(element, null);
        }
        writer.flush(false);
      }
    }
  }
}
