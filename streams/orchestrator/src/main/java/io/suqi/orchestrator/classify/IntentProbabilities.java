package io.suqi.orchestrator.classify;

import io.suqi.schemas.Intent;

/** A model's probability of each intent, as an array indexed by {@link Intent#ordinal()}. */
final class IntentProbabilities {

  private IntentProbabilities() {}

  /** The probabilities of LIBLINEAR's classes, put in intent order. */
  static double[] byIntent(double[] byClass, Intent[] intentOfClass) {
    double[] byIntent = new double[Intent.values().length];
    for (int c = 0; c < byClass.length; c++) {
      byIntent[intentOfClass[c].ordinal()] = byClass[c];
    }
    return byIntent;
  }

  /** {@code termsWeight} of the first and the rest of the second, intent by intent. */
  static double[] blend(double[] byTerms, double[] semantic, double termsWeight) {
    double[] blended = new double[byTerms.length];
    for (int i = 0; i < blended.length; i++) {
      blended[i] = termsWeight * byTerms[i] + (1.0 - termsWeight) * semantic[i];
    }
    return blended;
  }

  /** The most probable intent (the first in intent order of equals) and its probability. */
  static Classification mostProbable(double[] byIntent) {
    int best = 0;
    for (int i = 1; i < byIntent.length; i++) {
      if (byIntent[i] > byIntent[best]) {
        best = i;
      }
    }
    return new Classification(Intent.values()[best], Math.min(1.0, Math.max(0.0, byIntent[best])));
  }
}
