package io.suqi.lakehouse.reference;

import java.io.Serializable;

/** A product as retail.products knows it: its tenant and category. */
public record ProductRef(long productId, String tenantId, String category) implements Serializable {}
