package io.suqi.demo;

import java.time.LocalDate;

/**
 * One generated row of retail.stores, plus its {@code traffic}: how busy it is relative to an
 * average neighborhood store (its format, adjusted for its location).
 */
record Store(long id, String tenantId, String name, String region, String city, LocalDate openedOn,
    StoreFormat format, double traffic) {

  boolean isOpenOn(LocalDate day) {
    return !day.isBefore(openedOn);
  }
}
