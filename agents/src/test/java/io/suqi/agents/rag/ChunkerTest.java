package io.suqi.agents.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {

  @Test
  void everyPassageIsTheBodyBetweenItsOffsets() {
    // Given a body of several sentences and paragraphs, with odd spacing
    String body = "  Returns are accepted within 30 days. Electronics within 15 days!\n\n"
        + "Refunds go to the original payment method.   Cash is refunded in cash? Yes.\nGift cards too.  ";
    // When
    List<Chunk> chunks = new Chunker(60).chunks(body);
    // Then each passage's text is exactly the body between its offsets, trimmed, numbered from 0
    assertThat(chunks).isNotEmpty();
    for (int i = 0; i < chunks.size(); i++) {
      Chunk chunk = chunks.get(i);
      assertThat(chunk.number()).isEqualTo(i);
      assertThat(body.substring(chunk.start(), chunk.end())).isEqualTo(chunk.text());
      assertThat(chunk.text()).isEqualTo(chunk.text().strip());
      assertThat(chunk.text().length()).isLessThanOrEqualTo(60);
    }
  }

  @Test
  void passagesAreWholeSentencesSharingOneAndAParagraphBreakEndsAPassage() {
    // Given
    String body = "One is first. Two is second. Three is third.\n\nFour starts a topic.";
    // When passages may hold about two sentences
    List<Chunk> chunks = new Chunker(30).chunks(body);
    // Then consecutive passages share a sentence, and the new paragraph starts a passage of its own
    assertThat(chunks).extracting(Chunk::text).containsExactly(
        "One is first. Two is second.", "Two is second. Three is third.", "Four starts a topic.");
    assertThat(chunks.get(2).start()).isEqualTo(body.indexOf("Four"));
  }

  @Test
  void aShortBodyIsOnePassageAndAnEmptyOneNone() {
    assertThat(new Chunker(400).chunks("Thirty days.")).containsExactly(new Chunk(0, 0, 12, "Thirty days."));
    assertThat(new Chunker(400).chunks("  \n\n ")).isEmpty();
  }

  @Test
  void aSentenceLongerThanAPassageIsCutAtSpaces() {
    // Given one sentence of 30 words
    String body = "word ".repeat(30).strip();
    // When
    List<Chunk> chunks = new Chunker(42).chunks(body);
    // Then it is cut into passages that fit, between words, covering the whole sentence
    assertThat(chunks).hasSizeGreaterThan(1).allSatisfy(c -> {
      assertThat(c.text().length()).isLessThanOrEqualTo(42);
      assertThat(c.text()).startsWith("word").endsWith("word");
      assertThat(body.substring(c.start(), c.end())).isEqualTo(c.text());
    });
    assertThat(chunks.get(0).start()).isZero();
    assertThat(chunks.get(chunks.size() - 1).end()).isEqualTo(body.length());
  }

  @Test
  void aDecimalPointOrADottedTableNameIsNoSentenceEnd() {
    // Given ".99" and "retail.transactions" in one sentence, and passages of one sentence each
    String body = "Prices end in .99 in retail.transactions always. Next one.";
    // When
    List<Chunk> chunks = new Chunker(50).chunks(body);
    // Then the first sentence is whole
    assertThat(chunks).extracting(Chunk::text).containsExactly("Prices end in .99 in retail.transactions always.",
        "Next one.");
  }

  @Test
  void aNonPositiveLengthIsRefused() {
    assertThatThrownBy(() -> new Chunker(0)).hasMessageContaining("maxChars");
  }
}
