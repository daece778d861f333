package io.suqi.demo;

import java.time.Instant;
import java.util.List;

/** One generated transaction with its lines; {@code customerId} is null for walk-ins. */
record Sale(String txnId, String tenantId, long storeId, Long customerId, Instant ts,
    SaleStatus status, PaymentMethod paymentMethod, List<SaleLine> lines) {}
