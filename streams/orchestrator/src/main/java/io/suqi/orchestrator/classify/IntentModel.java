package io.suqi.orchestrator.classify;

import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import io.suqi.orchestrator.classify.TfIdfVectoriser.FeatureVector;
import io.suqi.schemas.Intent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;
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
 * <p>Trained through Tribuo; scored with LIBLINEAR's own {@code predictProbability} on the model
 * Tribuo trained, given the features by number. Tribuo's {@code predict} would look each feature up
 * by name and sort them for every question, more than half of the classification time, for the
 * same probabilities ({@link #mostProbableByTribuo} stays for the test that checks they agree).
 *
 * <p>Thread-safe: the vectoriser and the trained models are immutable.
 */
final class IntentModel {

  /** Inverse L2 strength: moderate, so no single word of one training question decides alone. */
  static final double COST = 4.0;
  private static final int MAX_ITERATIONS = 1000;
  private static final double TOLERANCE = 0.001;

  private static final LabelFactory LABELS = new LabelFactory();

  private final QuestionTerms terms;
  private final TfIdfVectoriser vectoriser;
  private final WordTermIds wordTermIds;
  private final Model<Label> model;
  private final de.bwaldvogel.liblinear.Model linear;
  /** LIBLINEAR's feature index of each vectoriser id, 0 for a term the model has no weight for. */
  private final int[] linearIndex;
  /** The index of the bias feature Tribuo adds to every example. */
  private final int biasIndex;
  /** The intent of each of LIBLINEAR's classes, in its order. */
  private final Intent[] intentOfClass;

  private IntentModel(QuestionTerms terms, TfIdfVectoriser vectoriser, LibLinearClassificationModel model) {
    this.terms = terms;
    this.vectoriser = vectoriser;
    this.wordTermIds = new WordTermIds(vectoriser);
    this.model = model;
    this.linear = model.getInnerModels().get(0);
    ImmutableFeatureMap features = model.getFeatureIDMap();
    this.linearIndex = new int[vectoriser.size()];
    for (int id = 0; id < linearIndex.length; id++) {
      linearIndex[id] = features.getID(vectoriser.name(id)) + 1;  // LIBLINEAR counts from 1; unknown (-1) → 0
    }
    this.biasIndex = features.size() + 1;
    int[] labels = linear.getLabels();
    this.intentOfClass = new Intent[labels.length];
    for (int c = 0; c < labels.length; c++) {
      intentOfClass[c] = Intent.valueOf(model.getOutputIDInfo().getOutput(labels[c]).getLabel());
    }
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
      examples.add(new ArrayExample<>(new Label(questions.get(i).intent().name()), names(vectoriser, features),
          features.values()));
    }
    ListDataSource<Label> source = new ListDataSource<>(examples, LABELS,
        new SimpleDataSourceProvenance("suqi intent questions", LABELS));
    // A new trainer each time: a Tribuo trainer's random state advances with every train() call.
    LibLinearClassificationTrainer trainer = new LibLinearClassificationTrainer(
        new LinearClassificationType(LinearType.L2R_LR), COST, MAX_ITERATIONS, TOLERANCE, seed);
    return new IntentModel(terms, vectoriser,
        (LibLinearClassificationModel) trainer.train(new MutableDataset<>(source)));
  }

  /** The most probable intent and its probability; empty when the question has no term the model knows. */
  Optional<Classification> mostProbable(String question) {
    return probabilitiesByClass(question).map(probabilities -> {
      int best = 0;
      for (int c = 1; c < probabilities.length; c++) {
        if (probabilities[c] > probabilities[best]) {
          best = c;   // the first of equals, as Tribuo picks
        }
      }
      return new Classification(intentOfClass[best], Math.min(1.0, Math.max(0.0, probabilities[best])));
    });
  }

  /** Each intent's probability ({@link IntentProbabilities}); empty when the question has no term the model knows. */
  Optional<double[]> probabilities(String question) {
    return probabilitiesByClass(question).map(byClass -> IntentProbabilities.byIntent(byClass, intentOfClass));
  }

  private Optional<double[]> probabilitiesByClass(String question) {
    FeatureVector features = features(question);
    if (features.isEmpty()) {
      return Optional.empty(); // no evidence
    }
    // As Tribuo gives them to LIBLINEAR: the known features, then the bias feature at 1.
    FeatureNode[] nodes = new FeatureNode[features.ids().length + 1];
    int n = 0;
    for (int j = 0; j < features.ids().length; j++) {
      int index = linearIndex[features.ids()[j]];
      if (index > 0) {
        nodes[n++] = new FeatureNode(index, features.values()[j]);
      }
    }
    nodes[n++] = new FeatureNode(biasIndex, 1.0);
    double[] probabilities = new double[intentOfClass.length];
    Linear.predictProbability(linear, n == nodes.length ? nodes : Arrays.copyOf(nodes, n), probabilities);
    return Optional.of(probabilities);
  }

  /** The number of terms the vectoriser knows: feature ids run from 0 to this, exclusive. */
  int termCount() {
    return vectoriser.size();
  }

  /** The vector of {@code vectoriser.vectorise(terms.of(question))}, with each word's own terms looked up once per word. */
  FeatureVector features(String question) {
    List<String> words = terms.words(question);
    int[] ids = new int[words.size() * 16];
    int n = 0;
    String previous = QuestionTerms.START;
    for (String word : words) {
      int[] own = wordTermIds.of(word);
      if (n + own.length + 1 > ids.length) {
        ids = Arrays.copyOf(ids, Math.max(ids.length * 2, n + own.length + 1));
      }
      System.arraycopy(own, 0, ids, n, own.length);
      n += own.length;
      int pair = vectoriser.id(QuestionTerms.pair(previous, word));
      if (pair >= 0) {
        ids[n++] = pair;
      }
      previous = word;
    }
    return vectoriser.vectorise(ids, n);
  }

  /** {@link #mostProbable} through Tribuo's own predict: slower, for checking the two agree. */
  Optional<Classification> mostProbableByTribuo(String question) {
    FeatureVector features = vectoriser.vectorise(terms.of(question));
    if (features.isEmpty()) {
      return Optional.empty(); // Tribuo refuses an example without features
    }
    Prediction<Label> prediction = model.predict(
        new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names(vectoriser, features), features.values()));
    Label best = prediction.getOutput();
    double probability = Math.min(1.0, Math.max(0.0, best.getScore()));
    return Optional.of(new Classification(Intent.valueOf(best.getLabel()), probability));
  }

  private static String[] names(TfIdfVectoriser vectoriser, FeatureVector features) {
    String[] names = new String[features.ids().length];
    for (int j = 0; j < names.length; j++) {
      names[j] = vectoriser.name(features.ids()[j]);
    }
    return names;
  }
}
