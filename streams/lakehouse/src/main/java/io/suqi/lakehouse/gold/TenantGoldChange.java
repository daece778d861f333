package io.suqi.lakehouse.gold;

import java.time.Instant;

/** The tenant's gold tables changed (as of {@code changedAt}, processing time). */
public record TenantGoldChange(String tenantId, Instant changedAt) {}
