package io.suqi.platform.postgres;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings the database schema up to date with the migrations under db/ (Flyway). */
public final class Migrations {

  private Migrations() {}

  /** Applies pending migrations; returns how many ran. */
  public static int apply(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .load()
        .migrate()
        .migrationsExecuted;
  }
}
