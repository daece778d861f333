package io.suqi.agents.analytics.semantic;

/** The first {@code limit} members by the query's first metric, highest or lowest first. */
public record Ranking(boolean highestFirst, int limit) {

  public Ranking {
    if (limit < 1) {
      throw new IllegalArgumentException("a ranking needs at least one row, was " + limit);
    }
  }
}
