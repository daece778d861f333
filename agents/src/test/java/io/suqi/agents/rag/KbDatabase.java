package io.suqi.agents.rag;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** One real PostgreSQL per test JVM for the RAG tests, migrated with the project's scripts; a database per caller. */
final class KbDatabase {

  private static EmbeddedPostgres postgres;
  private static int databases;

  private KbDatabase() {}

  /** A fresh migrated database (connecting as the superuser, who may SET ROLE suqi_rag). */
  static synchronized DataSource fresh() {
    try {
      if (postgres == null) {
        postgres = EmbeddedPostgres.builder().start(); // free port; stopped by its shutdown hook
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = "rag_" + (++databases);
    execute(postgres.getPostgresDatabase(), "CREATE DATABASE " + name);
    DataSource database = postgres.getDatabase("postgres", name);
    Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
    return database;
  }

  static void execute(DataSource database, String sql) {
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Inserts (or replaces) documents into kb.documents, their tenants into retail.tenants. */
  static void upsert(DataSource database, List<KbDocument> documents) {
    try (Connection connection = database.getConnection();
        PreparedStatement tenant = connection.prepareStatement(
            "INSERT INTO retail.tenants VALUES (?, ?) ON CONFLICT DO NOTHING");
        PreparedStatement document = connection.prepareStatement("""
            INSERT INTO kb.documents (doc_id, tenant_id, title, body, source) VALUES (?, ?, ?, ?, 'test')
            ON CONFLICT (doc_id) DO UPDATE SET tenant_id = excluded.tenant_id, title = excluded.title, body = excluded.body""")) {
      for (KbDocument d : documents) {
        tenant.setString(1, d.tenantId());
        tenant.setString(2, d.tenantId());
        tenant.executeUpdate();
        document.setString(1, d.docId());
        document.setString(2, d.tenantId());
        document.setString(3, d.title());
        document.setString(4, d.body());
        document.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static long count(DataSource database, String sql) {
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
        var rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
