package io.suqi.demo;

/** Shelf prices end like real ones: x.99 from ten dollars up, x.x9 below, never under 0.99. */
final class CharmPrice {

  private CharmPrice() {}

  static long cents(double dollars) {
    if (dollars >= 10) {
      return (long) Math.floor(dollars) * 100 + 99;
    }
    long dimes = Math.max(10, Math.round(dollars * 10));
    return dimes * 10 - 1;
  }
}
