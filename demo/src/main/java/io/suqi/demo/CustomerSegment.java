package io.suqi.demo;

/** Customer segments, with how many customers fall in each and how often they shop. */
enum CustomerSegment {
  PREMIUM("premium", 10, 4.0),
  LOYAL("loyal", 25, 2.5),
  REGULAR("regular", 35, 1.5),
  OCCASIONAL("occasional", 25, 0.6),
  BUSINESS("business", 5, 2.0);

  final String dbValue;
  final int share;
  final double visitFrequency;

  CustomerSegment(String dbValue, int share, double visitFrequency) {
    this.dbValue = dbValue;
    this.share = share;
    this.visitFrequency = visitFrequency;
  }
}
