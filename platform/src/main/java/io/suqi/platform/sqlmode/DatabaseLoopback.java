package io.suqi.platform.sqlmode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Points public.ask_suqi_query's dblink connection (foreign server suqi_loopback) at this
 * database as the runtime reaches it, with the runtime's own password when its JDBC URL has one.
 * Done at every start, so a changed port or password follows. The one-call form needs it: its
 * question is committed on that second connection while the caller's transaction waits.
 *
 * <p>Requirement on an external PostgreSQL: the runtime's role owns the functions (it ran the
 * migrations) and is a superuser the server lets in on its own address, or its JDBC URL carries
 * the password and the server asks for one there (dblink refuses a non-superuser otherwise).
 */
public final class DatabaseLoopback {

  private DatabaseLoopback() {}

  private static final Pattern PASSWORD = Pattern.compile("[?&]password=([^&]*)");

  /**
   * @param jdbcUrl the URL {@code db} was opened with: its password, if any, goes to the mapping
   * @return the connection dblink will open, without the password (for the start-up log)
   */
  public static String point(DataSource db, String jdbcUrl) {
    Matcher password = PASSWORD.matcher(jdbcUrl);
    return point(db, password.find() ? Optional.of(URLDecoder.decode(password.group(1), StandardCharsets.UTF_8))
        : Optional.empty());
  }

  static String point(DataSource db, Optional<String> password) {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT suqi_private.point_loopback_here(?)")) {
      s.setString(1, password.orElse(null));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot configure the dblink loopback of public.ask_suqi_query: "
          + e.getMessage(), e);
    }
  }
}
