package io.suqi.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Every released version of each topic schema, kept under {@code schemas/history/<full name>/}
 * as {@code v1.avsc}, {@code v2.avsc}, … and packaged in the jar. A version never changes once
 * released; a new version is added only when it can read all older ones (checked by the build).
 */
public final class SchemaHistory {

  static final String ROOT = "avro-history/";

  private SchemaHistory() {}

  /** The released versions of a schema, oldest first; empty when none was released. */
  public static List<Schema> versionsOf(String fullName) {
    List<Schema> versions = new ArrayList<>();
    for (int v = 1; ; v++) {
      String resource = ROOT + fullName + "/v" + v + ".avsc";
      try (InputStream in = SchemaHistory.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          return versions;
        }
        versions.add(new Schema.Parser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + resource, e);
      }
    }
  }
}
