package io.suqi.agents.retail;

import io.suqi.agents.analytics.SqlStatement;
import io.suqi.agents.analytics.TabularResult;
import java.util.function.Function;

/**
 * One recommendation's SQL and how its rows read as an answer: every figure the text quotes is a
 * cell of those rows, which the answer carries as its evidence.
 */
record RetailQuery(SqlStatement statement, Function<TabularResult, String> describe) {}
