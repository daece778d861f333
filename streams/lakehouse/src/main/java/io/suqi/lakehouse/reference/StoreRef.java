package io.suqi.lakehouse.reference;

import java.io.Serializable;

/** A store as retail.stores knows it: its tenant and region. */
public record StoreRef(long storeId, String tenantId, String region) implements Serializable {}
