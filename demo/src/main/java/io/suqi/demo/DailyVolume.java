package io.suqi.demo;

import java.time.LocalDate;

/**
 * How many transactions a store is expected to have on a day. This is the single source of sales
 * volume: injecting a known anomaly (a spike or a drop at one store on one day) means decorating
 * this model, and every other generated row stays as it was.
 */
@FunctionalInterface
interface DailyVolume {

  double expectedTransactions(Store store, LocalDate day);
}
