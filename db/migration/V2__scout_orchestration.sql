-- Orchestration observability (DESIGN §3.4): one log row per answered question, one trace row per
-- step, and an hourly metrics view over the last 24 hours. Written from suqi.orchestration-log.
CREATE SCHEMA IF NOT EXISTS scout;

CREATE TABLE scout.ai_orchestration_log (
  query_id         text PRIMARY KEY,
  tenant_id        text NOT NULL,
  agent_type       text,                 -- null when no agent was called (out of scope, rejected)
  created_at       timestamptz NOT NULL,
  response_time_ms bigint NOT NULL,
  tokens_used      bigint NOT NULL DEFAULT 0,
  cost_usd         numeric(12,6) NOT NULL DEFAULT 0,
  cache_hit        boolean NOT NULL DEFAULT false,
  status           text NOT NULL,
  intent           text NOT NULL
);
CREATE INDEX ai_orchestration_log_created ON scout.ai_orchestration_log (created_at);

CREATE TABLE scout.orchestration_trace (
  query_id    text NOT NULL,
  step_number int NOT NULL,
  step_name   text NOT NULL,
  agent_type  text,
  started_at  timestamptz NOT NULL,
  duration_ms bigint NOT NULL,
  detail      jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (query_id, step_number)    -- redelivered events land once
);

CREATE VIEW scout.ai_orchestration_metrics AS
SELECT date_trunc('hour', created_at)                                      AS hour,
       coalesce(agent_type, 'none')                                        AS agent_type,
       count(*)                                                            AS queries,
       avg(response_time_ms)::numeric(12,1)                                AS avg_latency,
       percentile_cont(0.95) WITHIN GROUP (ORDER BY response_time_ms)      AS p95_latency,
       sum(tokens_used)                                                    AS total_tokens,
       sum(cost_usd)                                                       AS total_cost
FROM scout.ai_orchestration_log
WHERE created_at >= now() - interval '24 hours'
GROUP BY 1, 2;
