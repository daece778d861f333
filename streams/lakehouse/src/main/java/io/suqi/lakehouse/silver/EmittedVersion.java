package io.suqi.lakehouse.silver;

import io.suqi.lakehouse.gold.SalesCell;
import java.util.List;

/**
 * What was last emitted for a transaction: a fingerprint of its content (to emit only changes)
 * and its contributions to gold (to take them back exactly when the transaction changes).
 */
public record EmittedVersion(long fingerprint, List<SalesCell> contributions) {}
