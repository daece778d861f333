package io.suqi.agents.rag;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a body into passages of whole sentences, each at most {@code maxChars} long, consecutive
 * passages sharing one sentence: a fact stated across a sentence boundary stays findable in one
 * passage. A paragraph break always ends a passage (a new topic starts). Offsets are exact
 * positions in the body, so a citation points at the quoted text.
 */
public final class Chunker {

  private final int maxChars;

  public Chunker(int maxChars) {
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be positive, was " + maxChars);
    }
    this.maxChars = maxChars;
  }

  public List<Chunk> chunks(String body) {
    List<Chunk> chunks = new ArrayList<>();
    for (Span paragraph : paragraphs(body)) {
      List<Span> sentences = sentences(body, paragraph);
      int first = 0;
      while (first < sentences.size()) {
        int last = first;
        while (last + 1 < sentences.size() && sentences.get(last + 1).end() - sentences.get(first).start() <= maxChars) {
          last++;
        }
        int start = sentences.get(first).start();
        int end = sentences.get(last).end();
        chunks.add(new Chunk(chunks.size(), start, end, body.substring(start, end)));
        if (last == sentences.size() - 1) {
          break;
        }
        // overlap by the last sentence when it fits with the next one (else it would be repeated alone)
        boolean overlap = last > first && sentences.get(last + 1).end() - sentences.get(last).start() <= maxChars;
        first = overlap ? last : last + 1;
      }
    }
    return chunks;
  }

  /** Stretches of text between blank lines, trimmed. */
  private static List<Span> paragraphs(String body) {
    List<Span> paragraphs = new ArrayList<>();
    int start = 0;
    while (start < body.length()) {
      int gap = body.indexOf("\n\n", start);
      int end = gap < 0 ? body.length() : gap;
      trimmed(body, start, end).ifPresent(paragraphs::add);
      start = gap < 0 ? body.length() : gap + 2;
    }
    return paragraphs;
  }

  /**
   * Sentences of a paragraph: they end after '.', '!' or '?' followed by white space, or at a
   * line break. A sentence longer than maxChars is cut at the last space that fits.
   */
  private List<Span> sentences(String body, Span paragraph) {
    List<Span> sentences = new ArrayList<>();
    int start = paragraph.start();
    for (int i = paragraph.start(); i < paragraph.end(); i++) {
      char c = body.charAt(i);
      boolean terminal = (c == '.' || c == '!' || c == '?') && i + 1 < paragraph.end()
          && Character.isWhitespace(body.charAt(i + 1));
      if (terminal || c == '\n') {
        addSentence(body, start, c == '\n' ? i : i + 1, sentences);
        start = i + 1;
      }
    }
    addSentence(body, start, paragraph.end(), sentences);
    return sentences;
  }

  private void addSentence(String body, int from, int to, List<Span> sentences) {
    var span = trimmed(body, from, to);
    if (span.isEmpty()) {
      return;
    }
    int start = span.get().start();
    int end = span.get().end();
    while (end - start > maxChars) {
      int cut = body.lastIndexOf(' ', start + maxChars);
      if (cut <= start) {
        cut = start + maxChars; // one word longer than a passage: cut inside it
      }
      trimmed(body, start, cut).ifPresent(sentences::add);
      start = cut;
      while (start < end && Character.isWhitespace(body.charAt(start))) {
        start++;
      }
    }
    if (end > start) {
      sentences.add(new Span(start, end));
    }
  }

  private static java.util.Optional<Span> trimmed(String body, int from, int to) {
    while (from < to && Character.isWhitespace(body.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(body.charAt(to - 1))) {
      to--;
    }
    return to > from ? java.util.Optional.of(new Span(from, to)) : java.util.Optional.empty();
  }

  private record Span(int start, int end) {}
}
