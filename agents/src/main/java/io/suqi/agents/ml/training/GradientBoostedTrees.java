package io.suqi.agents.ml.training;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A gradient-boosted trees regressor (XGBoost) over {@link Features}; serializable for the registry.
 * It learns log(1 + revenue): store-day revenue is skewed and its errors multiplicative, so a
 * squared error on the raw figure chases the big days and misses the typical one by a wide margin
 * in percent (on the demo data the MAPE gain over seasonal-naive went from 11 % to 25 %, acme-retail).
 */
public final class GradientBoostedTrees {

  private static final float MISSING = Float.NaN;
  /** Booster attribute naming the label's transform; models saved before it learnt the raw revenue. */
  private static final String TARGET_ATTRIBUTE = "suqi.target";
  private static final String LOG1P = "log1p";

  private final Booster booster;
  private final boolean logTarget;

  private GradientBoostedTrees(Booster booster) throws XGBoostError {
    this.booster = booster;
    this.logTarget = LOG1P.equals(booster.getAttr(TARGET_ATTRIBUTE));
  }

  public static GradientBoostedTrees train(List<StoreDay> rows, Hyperparameters parameters, long seed) {
    try {
      DMatrix train = new DMatrix(Features.matrix(rows), rows.size(), Features.NAMES.size(), MISSING);
      float[] labels = new float[rows.size()];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = (float) Math.log1p(rows.get(i).revenue());
      }
      train.setLabel(labels);

      Map<String, Object> params = new HashMap<>();
      params.put("objective", "reg:squarederror");
      params.put("max_depth", parameters.maxDepth());
      params.put("eta", parameters.learningRate());
      params.put("subsample", parameters.subsample());
      params.put("seed", seed);
      params.put("nthread", 1); // deterministic and polite on a shared machine
      params.put("verbosity", 0);
      Booster booster = XGBoost.train(train, params, parameters.rounds(), Map.of(), null, null);
      booster.setAttr(TARGET_ATTRIBUTE, LOG1P);
      train.dispose();
      return new GradientBoostedTrees(booster);
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
    }
  }

  public static GradientBoostedTrees fromBytes(byte[] artifact) {
    try {
      return new GradientBoostedTrees(XGBoost.loadModel(artifact));
    } catch (XGBoostError | IOException e) {
      throw new IllegalStateException("cannot load the model artifact: " + e.getMessage(), e);
    }
  }

  public double[] predict(List<StoreDay> rows) {
    if (rows.isEmpty()) {
      return new double[0];
    }
    try {
      float[][] out = booster.inplace_predict(Features.matrix(rows), rows.size(), Features.NAMES.size(), MISSING);
      double[] predictions = new double[rows.size()];
      for (int i = 0; i < predictions.length; i++) {
        double predicted = logTarget ? Math.expm1(out[i][0]) : out[i][0];
        predictions[i] = Math.max(0, predicted); // revenue is never negative
      }
      return predictions;
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
    }
  }

  public double predict(StoreDay row) {
    return predict(List.of(row))[0];
  }

  /** Total gain of each feature's splits, as a share of all gain, highest first. */
  public Map<String, Double> importance() {
    try {
      Map<String, Double> gain = booster.getScore(Features.NAMES.toArray(String[]::new), "total_gain");
      double total = gain.values().stream().mapToDouble(Double::doubleValue).sum();
      Map<String, Double> shares = new LinkedHashMap<>();
      Features.NAMES.stream()
          .sorted((a, b) -> Double.compare(gain.getOrDefault(b, 0.0), gain.getOrDefault(a, 0.0)))
          .forEach(name -> shares.put(name, total == 0 ? 0 : gain.getOrDefault(name, 0.0) / total));
      return shares;
    } catch (XGBoostError e) {
      throw new IllegalStateException("cannot read feature importance: " + e.getMessage(), e);
    }
  }

  public byte[] toBytes() {
    try {
      return booster.toByteArray("ubj");
    } catch (XGBoostError e) {
      throw new IllegalStateException("cannot serialize the model: " + e.getMessage(), e);
    }
  }
}
