package io.suqi.demo;

/** Payment methods as stored in retail.transactions.payment_method. */
enum PaymentMethod {
  CARD("card"),
  CASH("cash"),
  MOBILE("mobile"),
  GIFT_CARD("gift_card");

  final String dbValue;

  PaymentMethod(String dbValue) {
    this.dbValue = dbValue;
  }
}
