package io.suqi.demo;

/** One transaction line; {@code discountCents} is the discount on the whole line, not per unit. */
record SaleLine(int lineNo, long productId, int quantity, long unitPriceCents, long discountCents) {}
