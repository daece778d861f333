package io.suqi.lakehouse.silver;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Typed reads of JSON fields as producers and Debezium write them: numbers may come as JSON
 * numbers or as strings (Debezium's decimal.handling.mode=string). Each read returns null when the
 * field is missing, null, or of the wrong type; {@link #isAbsent} tells those apart.
 */
final class JsonFields {

  private JsonFields() {}

  static boolean isAbsent(JsonNode object, String field) {
    JsonNode node = object.get(field);
    return node == null || node.isNull();
  }

  /** Non-blank text. */
  static String text(JsonNode object, String field) {
    JsonNode node = object.get(field);
    if (node == null || !node.isTextual() || node.textValue().isBlank()) {
      return null;
    }
    return node.textValue();
  }

  /** An integer that fits a long, from a JSON integer or an integer string. */
  static Long integer(JsonNode object, String field) {
    JsonNode node = object.get(field);
    if (node == null) {
      return null;
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    if (node.isTextual()) {
      try {
        return Long.parseLong(node.textValue().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** An exact decimal, from a JSON number or a numeric string. */
  static BigDecimal decimal(JsonNode object, String field) {
    JsonNode node = object.get(field);
    if (node == null) {
      return null;
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isTextual()) {
      try {
        return new BigDecimal(node.textValue().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /**
   * An ISO-8601 instant: with an offset or Z (as Debezium writes timestamptz), or without one,
   * read as UTC (every day and hour in Suqi is UTC).
   */
  static Instant timestamp(JsonNode object, String field) {
    return timestamp(text(object, field));
  }

  /** {@link #timestamp(JsonNode, String)} of text already read; null for null or unreadable text. */
  static Instant timestamp(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    Instant common = IsoInstant.parseCommon(text);
    if (common != null) {
      return common;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withOffset) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException withoutOffset) {
        return null;
      }
    }
  }

  /** The field as written, for failure details; shortened so one bad field cannot flood a reason. */
  static String shown(JsonNode object, String field) {
    JsonNode node = object.get(field);
    String shown = node == null ? "missing" : node.toString();
    return shown.length() > 60 ? shown.substring(0, 57) + "..." : shown;
  }
}
