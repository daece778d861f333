package io.suqi.platform.runtime;

import java.time.Duration;
import javax.sql.DataSource;

/**
 * Whether silver and gold hold every row of retail.*, per tenant: the analytics agent answers from
 * them, so a test that compares an answer with a query over retail.* first waits for this (the
 * lakehouse is seconds behind the source; through CDC a header can land before its lines).
 */
final class MedallionCaughtUp {

  private MedallionCaughtUp() {}

  /** Waits until silver and gold agree with retail.* for every tenant (what `bin/suqi up --demo` waits for). */
  static void await(DataSource db, Duration timeout) throws InterruptedException {
    RunningSuqi.eventually(timeout, "silver and gold holding every sale of retail.*", () -> tenantsBehind(db) == 0);
  }

  private static long tenantsBehind(DataSource db) {
    return DemoCatchUp.count(db, DemoCatchUp.TENANTS_BEHIND);
  }
}
