package io.suqi.orchestrator.classify;

import io.suqi.schemas.Intent;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * First classifier: each intent scores the summed weights of its keywords and phrases found in the
 * question (each counted once, so repeating a word does not win). The best-scoring intent wins;
 * no match at all is {@link Intent#GENERAL} with confidence 0 (no evidence for any intent).
 *
 * <p>Confidence = (best score / all scores) × (best / (best + 1)): the first factor drops when
 * other intents compete, the second grows with the amount of evidence (one strong keyword ≈ 0.67).
 */
public final class KeywordIntentClassifier implements IntentClassifier {

  /**
   * Keyword or phrase = weight; a weight says how specific the term is to its intent. Verbs of a
   * task (forecast, predict) outweigh the metrics they apply to, so "forecast revenue by store" is ML.
   */
  private static final Map<Intent, String> VOCABULARY = vocabulary();

  private final Map<Intent, List<Term>> terms = new EnumMap<>(Intent.class);

  public KeywordIntentClassifier() {
    VOCABULARY.forEach((intent, spec) -> terms.put(intent, Term.parseAll(spec)));
  }

  private static Map<Intent, String> vocabulary() {
    Map<Intent, String> v = new EnumMap<>(Intent.class);
    v.put(Intent.ANALYTICS, """
        revenue=2, sales=2, sold=2, transaction=2, basket=2, margin=2, profit=2, kpi=2, gmv=2,
        average order value=2, by store=1.5, by region=1.5, by category=1.5, per store=1.5, store=1,
        units=1.5, footfall=1.5, trend=1.5, year over year=1.5, top=1, total=1, average=1,
        how many=1, how much=1, compare=1, last week=1, last month=1, customers=1, category=1""");
    v.put(Intent.ML, """
        forecast=5, predict=5, prediction=5, churn=4, machine learning=3, model=2, modelling=2,
        train=2, anomaly=2, projection=2, regression=2, propensity=2, demand=1.5, segment=1.5,
        cluster=1.5, next week=1.5, next month=1.5, next quarter=1.5, likely=1""");
    v.put(Intent.RAG, """
        policy=2.5, procedure=2.5, how do i=2, define=2, definition=2, document=2, handbook=2,
        guideline=2, sop=2, faq=2, how do we=1.5, manual=1.5, according to=1.5, onboarding=1.5,
        what is=1, what does=1, explain=1, process=1, rule=1""");
    v.put(Intent.RETAIL, """
        competitor=3, assortment=3, markdown=3, planogram=3, pricing=2.5, promotion=2.5,
        promo=2.5, merchandising=2.5, elasticity=2.5, price=2, discount=2, replenishment=2,
        clearance=2, private label=2, inventory=1.5, stock=1.5, shelf=1.5, supplier=1.5,
        should we=1, recommend=1""");
    v.put(Intent.SECURITY, """
        permission=3, pii=3, password=3, breach=3, gdpr=3, encryption=3, encrypt=3, api key=3,
        privilege=3, mfa=3, access=2.5, audit=2.5, login=2.5, log in=2.5, role=2, who can=2,
        sign in=2, compliance=2, security=2, account=1, user=1""");
    return Collections.unmodifiableMap(v);
  }

  @Override
  public Classification classify(String question) {
    List<String> tokens = Tokens.of(question == null ? "" : question);
    Intent best = Intent.GENERAL;
    double bestScore = 0;
    double total = 0;
    for (Map.Entry<Intent, List<Term>> entry : terms.entrySet()) {
      double score = entry.getValue().stream().filter(t -> t.occursIn(tokens)).mapToDouble(Term::weight).sum();
      total += score;
      if (score > bestScore) { // strict: ties keep the earlier intent, so results are deterministic
        best = entry.getKey();
        bestScore = score;
      }
    }
    if (best == Intent.GENERAL) {
      return new Classification(Intent.GENERAL, 0.0);
    }
    return new Classification(best, (bestScore / total) * (bestScore / (bestScore + 1)));
  }

  /** A keyword or phrase, as normalised tokens that must appear consecutively. */
  private record Term(List<String> tokens, double weight) {

    static List<Term> parseAll(String spec) {
      return Arrays.stream(spec.split(",")).map(String::strip).map(Term::parse).toList();
    }

    static Term parse(String entry) {
      String[] parts = entry.split("=");
      return new Term(Tokens.of(parts[0]), Double.parseDouble(parts[1].strip()));
    }

    boolean occursIn(List<String> text) {
      return Collections.indexOfSubList(text, tokens) >= 0;
    }
  }
}
