package io.suqi.orchestrator.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Marks questions that look like injection attempts — SQL smuggled into a question, or words meant
 * to override an agent's instructions — for the audit trail (the classify step's trace) that the
 * security agent reports from. It blocks nothing: no agent executes text from a question, so an
 * attempt is harmless; knowing who tries is what an admin wants.
 */
public final class InjectionScan {

  /**
   * A sign and the literals its pattern cannot match without (one of them must occur): a plain
   * {@code contains} rules most signs out for an ordinary question, so only a few regexes run.
   */
  private record Sign(String name, Pattern pattern, String[] requires) {

    boolean shownBy(String text) {
      for (String literal : requires) {   // an array: no iterator for each sign of each question
        if (text.contains(literal)) {
          return pattern.matcher(text).find();
        }
      }
      return false;
    }
  }

  private static final Sign[] SIGNS = {
      sign("sql_comment", "(--|/\\*|\\*/|#\\s*$)", "--", "/*", "*/", "#"),
      sign("sql_stacked_statement", ";\\s*(select|insert|update|delete|drop|alter|create|grant|truncate|copy)\\b", ";"),
      sign("sql_union", "\\bunion\\s+(all\\s+)?select\\b", "union"),
      sign("sql_tautology", "('|\")?\\s*\\b(or|and)\\b\\s*('?\\w+'?)\\s*=\\s*\\3", "="),
      sign("sql_ddl", "\\b(drop|truncate|alter)\\s+(table|schema|database|role)\\b", "drop", "truncate", "alter"),
      sign("sql_functions", "\\b(pg_sleep|pg_read_file|lo_import|dblink|current_setting|set_config)\\s*\\(", "("),
      sign("catalog_probe", "\\b(information_schema|pg_catalog|pg_shadow|pg_authid)\\b",
          "information_schema", "pg_catalog", "pg_shadow", "pg_authid"),
      sign("instruction_override", "\\b(ignore|disregard|forget)\\b.{0,30}\\b(previous|prior|above|all)\\b.{0,20}"
          + "\\b(instructions?|rules|prompts?)\\b", "ignore", "disregard", "forget"),
      sign("role_escape", "\\b(system prompt|you are now|act as (an? )?(admin|root|dba|superuser))\\b",
          "system prompt", "you are now", "act as"),
      sign("tenant_escape", "\\b(other|another|all|every)\\s+(tenants?|customers' data|companies)\\b",
          "tenant", "customers' data", "companies")};

  private InjectionScan() {}

  /** The patterns see lower-cased text (see {@link #signs}), so they match case-sensitively. */
  private static Sign sign(String name, String regex, String... requires) {
    return new Sign(name, Pattern.compile(regex, Pattern.MULTILINE), requires);
  }

  /** The signs the question shows, in a fixed order; empty for an ordinary question. */
  public static List<String> signs(String question) {
    if (question == null || question.isBlank()) {
      return List.of();
    }
    String text = question.toLowerCase(Locale.ROOT);
    List<String> found = null;
    for (Sign sign : SIGNS) {
      if (sign.shownBy(text)) {
        if (found == null) {
          found = new ArrayList<>(1);
        }
        found.add(sign.name());
      }
    }
    return found == null ? List.of() : found;
  }
}
