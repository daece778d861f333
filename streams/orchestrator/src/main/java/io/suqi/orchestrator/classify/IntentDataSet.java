package io.suqi.orchestrator.classify;

import io.suqi.schemas.Intent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The labelled questions shipped on the class path, one per line as {@code label<TAB>question}
 * (label = an {@link Intent} name in any case; lines starting with # are comments). The held-out
 * split is for measuring only: nothing trains or tunes on it.
 */
public final class IntentDataSet {

  public static final String TRAINING = "/intents/train.tsv";
  public static final String HELD_OUT = "/intents/heldout.tsv";

  private IntentDataSet() {}

  public static List<LabelledQuestion> training() {
    return load(TRAINING);
  }

  public static List<LabelledQuestion> heldOut() {
    return load(HELD_OUT);
  }

  /** The questions of a class-path resource, in file order. */
  public static List<LabelledQuestion> load(String resource) {
    try (InputStream in = IntentDataSet.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("intent data set not on the class path: " + resource);
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), resource);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private static List<LabelledQuestion> parse(BufferedReader reader, String resource) throws IOException {
    List<LabelledQuestion> questions = new ArrayList<>();
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab < 0 || line.substring(tab + 1).isBlank()) {
        throw new IllegalStateException(resource + ":" + number + ": expected label<TAB>question");
      }
      Intent intent = Intent.valueOf(line.substring(0, tab).strip().toUpperCase(Locale.ROOT));
      questions.add(new LabelledQuestion(intent, line.substring(tab + 1).strip()));
    }
    return List.copyOf(questions);
  }
}
