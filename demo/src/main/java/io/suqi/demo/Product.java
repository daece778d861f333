package io.suqi.demo;

/** One generated row of retail.products; money in cents so arithmetic stays exact. */
record Product(long id, String tenantId, String sku, String name, String category, String brand,
    long priceCents, long costCents) {}
