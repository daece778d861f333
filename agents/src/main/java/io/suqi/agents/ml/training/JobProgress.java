package io.suqi.agents.ml.training;

/** Where a training job reports its progress (to ml.jobs in production). */
@FunctionalInterface
public interface JobProgress {

  void report(String stage, int percent, String message);
}
