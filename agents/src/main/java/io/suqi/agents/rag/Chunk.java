package io.suqi.agents.rag;

/**
 * A passage of a document's body: {@code text} is exactly {@code body.substring(start, end)}.
 *
 * @param number the passage's place in the document, from 0
 */
public record Chunk(int number, int start, int end, String text) {

  public Chunk {
    if (number < 0 || start < 0 || end <= start || text == null || text.length() != end - start) {
      throw new IllegalArgumentException("not a passage: #" + number + " [" + start + ", " + end + ") "
          + (text == null ? "null" : text.length() + " chars"));
    }
  }
}
