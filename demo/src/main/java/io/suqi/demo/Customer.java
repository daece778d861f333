package io.suqi.demo;

import java.time.LocalDate;

/** One generated row of retail.customers. */
record Customer(long id, String tenantId, CustomerSegment segment, String region, LocalDate joinedOn) {}
