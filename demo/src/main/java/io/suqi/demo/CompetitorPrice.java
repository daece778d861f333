package io.suqi.demo;

import java.time.Instant;

/** One observation of a competitor's shelf price for one of our products. */
record CompetitorPrice(long productId, String competitor, long priceCents, Instant observedAt) {}
