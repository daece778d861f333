package io.suqi.orchestrator.classify;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Remembers the classifications of the most recently asked questions, by their
 * {@link QuestionShape}: the classifier is a function of the shape alone, and a question asked
 * again (every cache hit is one), or for another store, should not pay for its sentence embedding
 * again. Holds at most {@code capacity} questions, the least recently
 * asked leaving first; a question longer than {@link #MAX_REMEMBERED_LENGTH} characters is not kept.
 *
 * <p>Thread-safe: one lock around a map lookup, which is short beside a classification.
 */
public final class ClassificationMemo implements IntentClassifier {

  public static final int DEFAULT_CAPACITY = 10_000;
  static final int MAX_REMEMBERED_LENGTH = 1_000;

  private final IntentClassifier classifier;
  private final Map<String, Classification> recent;

  public ClassificationMemo(IntentClassifier classifier, int capacity) {
    this.classifier = Objects.requireNonNull(classifier, "classifier");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.recent = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Classification> eldest) {
        return size() > capacity;
      }
    };
  }

  @Override
  public Classification classify(String question) {
    if (question == null || question.length() > MAX_REMEMBERED_LENGTH) {
      return classifier.classify(question);
    }
    String shape = QuestionShape.of(question);
    Classification known;
    synchronized (recent) {
      known = recent.get(shape);
    }
    if (known != null) {
      return known;
    }
    Classification classification = classifier.classify(shape);   // outside the lock: it may take milliseconds
    synchronized (recent) {
      recent.put(shape, classification);
    }
    return classification;
  }
}
