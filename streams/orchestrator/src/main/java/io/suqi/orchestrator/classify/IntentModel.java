package io.suqi.orchestrator.classify;

import io.suqi.orchestrator.classify.TfIdfVectoriser.FeatureVector;
import io.suqi.schemas.Intent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.liblinear.LinearClassificationType.LinearType;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * L2-regularised logistic regression (one against the rest, LIBLINEAR through Tribuo) over a
 * question's TF-IDF terms: the probability of each intent, GENERAL included. It only scores; deciding what a low
 * probability means is {@link TrainedIntentClassifier}'s job.
 *
 * <p>Thread-safe: the vectoriser and the trained Tribuo model are immutable.
 */
final class IntentModel {

  /** Inverse L2 strength: moderate, so no single word of one training question decides alone. */
  static final double COST = 4.0;
  private static final int MAX_ITERATIONS = 1000;
  private static final double TOLERANCE = 0.001;

  private static final LabelFactory LABELS = new LabelFactory();

  private final QuestionTerms terms;
  private final TfIdfVectoriser vectoriser;
  private final Model<Label> model;

  private IntentModel(QuestionTerms terms, TfIdfVectoriser vectoriser, Model<Label> model) {
    this.terms = terms;
    this.vectoriser = vectoriser;
    this.model = model;
  }

  /** Trained on the questions; the same questions and seed give the same model. */
  static IntentModel train(List<LabelledQuestion> questions, long seed) {
    QuestionTerms terms = new QuestionTerms();
    List<List<String>> termsOfEach = questions.stream().map(q -> terms.of(q.question())).toList();
    TfIdfVectoriser vectoriser = TfIdfVectoriser.fit(termsOfEach);
    List<Example<Label>> examples = new ArrayList<>(questions.size());
    for (int i = 0; i < questions.size(); i++) {
      FeatureVector features = vectoriser.vectorise(termsOfEach.get(i));
      if (features.isEmpty()) {
        continue; // e.g. "???": nothing to learn from; such questions are GENERAL without the model
      }
      examples.add(new ArrayExample<>(new Label(questions.get(i).intent().name()), features.names(),
          features.values()));
    }
    ListDataSource<Label> source = new ListDataSource<>(examples, LABELS,
        new SimpleDataSourceProvenance("suqi intent questions", LABELS));
    // A new trainer each time: a Tribuo trainer's random state advances with every train() call.
    LibLinearClassificationTrainer trainer = new LibLinearClassificationTrainer(
        new LinearClassificationType(LinearType.L2R_LR), COST, MAX_ITERATIONS, TOLERANCE, seed);
    return new IntentModel(terms, vectoriser, trainer.train(new MutableDataset<>(source)));
  }

  /** The most probable intent and its probability; empty when the question has no term the model knows. */
  Optional<Classification> mostProbable(String question) {
    FeatureVector features = vectoriser.vectorise(terms.of(question));
    if (features.isEmpty()) {
      return Optional.empty(); // Tribuo refuses an example without features, and there is no evidence
    }
    Prediction<Label> prediction = model.predict(
        new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, features.names(), features.values()));
    Label best = prediction.getOutput();
    double probability = Math.min(1.0, Math.max(0.0, best.getScore()));
    return Optional.of(new Classification(Intent.valueOf(best.getLabel()), probability));
  }
}
