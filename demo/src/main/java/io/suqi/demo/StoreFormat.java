package io.suqi.demo;

/** Store formats; a flagship sells about three times what an express store does. */
enum StoreFormat {
  FLAGSHIP("Flagship", 1.8, 1),
  SUPERSTORE("Superstore", 1.35, 3),
  NEIGHBORHOOD("Neighborhood", 1.0, 5),
  EXPRESS("Express", 0.55, 3);

  final String label;
  final double volumeFactor;
  /** How common the format is among generated stores, relative to the others. */
  final int prevalence;

  StoreFormat(String label, double volumeFactor, int prevalence) {
    this.label = label;
    this.volumeFactor = volumeFactor;
    this.prevalence = prevalence;
  }
}
