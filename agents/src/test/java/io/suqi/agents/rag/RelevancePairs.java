package io.suqi.agents.rag;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The benchmark's question → relevant-document pairs (src/test/resources/rag/*.tsv). */
final class RelevancePairs {

  record Pair(String question, Set<String> slugs) {}

  private RelevancePairs() {}

  static List<Pair> questions() {
    return read("questions.tsv").stream()
        .map(line -> line.split("\t"))
        .map(cells -> new Pair(cells[0], Set.of(cells[1].split(","))))
        .toList();
  }

  static List<String> unrelated() {
    return read("unrelated.tsv");
  }

  private static List<String> read(String name) {
    List<String> lines = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        RelevancePairs.class.getResourceAsStream("/rag/" + name), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (!line.isBlank() && !line.startsWith("#")) {
          lines.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }
}
