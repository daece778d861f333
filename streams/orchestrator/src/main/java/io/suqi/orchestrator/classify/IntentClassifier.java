package io.suqi.orchestrator.classify;

/** Decides which intent a question has. Implementations must be thread-safe and never throw on text. */
@FunctionalInterface
public interface IntentClassifier {

  Classification classify(String question);
}
