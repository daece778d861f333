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

  private record Sign(String name, Pattern pattern) {}

  private static final List<Sign> SIGNS = List.of(
      sign("sql_comment", "(--|/\\*|\\*/|#\\s*$)"),
      sign("sql_stacked_statement", ";\\s*(select|insert|update|delete|drop|alter|create|grant|truncate|copy)\\b"),
      sign("sql_union", "\\bunion\\s+(all\\s+)?select\\b"),
      sign("sql_tautology", "('|\")?\\s*\\b(or|and)\\b\\s*('?\\w+'?)\\s*=\\s*\\3"),
      sign("sql_ddl", "\\b(drop|truncate|alter)\\s+(table|schema|database|role)\\b"),
      sign("sql_functions", "\\b(pg_sleep|pg_read_file|lo_import|dblink|current_setting|set_config)\\s*\\("),
      sign("catalog_probe", "\\b(information_schema|pg_catalog|pg_shadow|pg_authid)\\b"),
      sign("instruction_override", "\\b(ignore|disregard|forget)\\b.{0,30}\\b(previous|prior|above|all)\\b.{0,20}"
          + "\\b(instructions?|rules|prompts?)\\b"),
      sign("role_escape", "\\b(system prompt|you are now|act as (an? )?(admin|root|dba|superuser))\\b"),
      sign("tenant_escape", "\\b(other|another|all|every)\\s+(tenants?|customers' data|companies)\\b"));

  private InjectionScan() {}

  private static Sign sign(String name, String regex) {
    return new Sign(name, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.MULTILINE));
  }

  /** The signs the question shows, in a fixed order; empty for an ordinary question. */
  public static List<String> signs(String question) {
    if (question == null || question.isBlank()) {
      return List.of();
    }
    String text = question.toLowerCase(Locale.ROOT);
    List<String> found = new ArrayList<>(1);
    for (Sign sign : SIGNS) {
      if (sign.pattern().matcher(text).find()) {
        found.add(sign.name());
      }
    }
    return found;
  }
}
