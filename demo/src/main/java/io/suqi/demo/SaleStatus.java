package io.suqi.demo;

/** Transaction statuses as allowed by the check constraint on retail.transactions.status. */
enum SaleStatus {
  COMPLETED("completed"),
  REFUNDED("refunded"),
  VOID("void");

  final String dbValue;

  SaleStatus(String dbValue) {
    this.dbValue = dbValue;
  }
}
