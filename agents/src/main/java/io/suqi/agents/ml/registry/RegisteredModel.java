package io.suqi.agents.ml.registry;

import io.suqi.agents.ml.training.ForecastMetrics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** A row of ml.models: one trained candidate, its test metrics and the decision about it. */
public record RegisteredModel(String name, int version, String jobId, Map<String, Object> parameters,
    ForecastMetrics metrics, ForecastMetrics baseline, LocalDate testFrom, LocalDate testTo, Instant trainedAt,
    LocalDate trainTo, byte[] artifact, String status, String decision) {}
