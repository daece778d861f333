-- Real-time store metrics, sales anomalies and late data, written by the lakehouse job
-- (streams/lakehouse: io.suqi.lakehouse.metrics and io.suqi.lakehouse.anomaly); and the ground truth
-- of the anomalies the demo data set injects on purpose (demo module), for the detector's benchmark.
-- As in V4, every table has a natural key so that the job's idempotent writes converge after a replay.

-- Per store and event-time minute: completed transactions by their sale time (ts). A change that
-- arrives while the minute is still open (within the allowed lateness) rewrites the row; later
-- changes leave it as it was and are recorded in gold.late_events.
CREATE TABLE gold.store_minute_metrics (
  tenant_id    text        NOT NULL,
  store_id     bigint      NOT NULL,
  window_start timestamptz NOT NULL,
  window_end   timestamptz NOT NULL,
  txn_count    bigint      NOT NULL,
  revenue      numeric     NOT NULL,
  PRIMARY KEY (tenant_id, store_id, window_start)
);

-- Changes to a store's sales that reached the minute metrics after their minute had closed (the
-- watermark had passed the minute's end plus the allowed lateness): kept here instead of being
-- dropped. version numbers the changes of one transaction, so a replay lands on the same row.
CREATE TABLE gold.late_events (
  txn_id          text        NOT NULL,
  version         int         NOT NULL,
  tenant_id       text        NOT NULL,
  store_id        bigint      NOT NULL,
  event_ts        timestamptz NOT NULL,   -- the transaction's ts
  arrived_at      timestamptz NOT NULL,   -- when the job saw the change
  watermark       timestamptz NOT NULL,   -- how far event time had progressed then
  reason          text        NOT NULL CHECK (reason IN ('sale_after_close', 'taken_back_after_close',
                                                         'revenue_change_after_close')),
  txn_count_delta int         NOT NULL,
  revenue_delta   numeric     NOT NULL,
  PRIMARY KEY (txn_id, version)
);
CREATE INDEX late_events_store_ts ON gold.late_events (tenant_id, store_id, event_ts);

-- Unusual windows of a store metric (public contract: these columns exactly). anomaly_id is derived
-- from tenant, store, metric and window, so detecting the same anomaly again updates its row.
CREATE TABLE gold.anomalies (
  anomaly_id   text             PRIMARY KEY,
  tenant_id    text             NOT NULL,
  store_id     bigint           NOT NULL,
  metric       text             NOT NULL,
  window_start timestamptz      NOT NULL,
  window_end   timestamptz      NOT NULL,
  observed     double precision NOT NULL,
  expected     double precision NOT NULL,
  score        double precision NOT NULL,   -- robust z-score: > 0 above expected, < 0 below
  detected_at  timestamptz      NOT NULL
);
CREATE INDEX anomalies_tenant_window ON gold.anomalies (tenant_id, window_start);

GRANT SELECT ON gold.store_minute_metrics, gold.late_events, gold.anomalies TO suqi_analytics;

-- Ground truth of the demo data set: the store-days whose sales volume was changed on purpose.
-- Not granted to the analytics role: it is for benchmarks, not for answering questions.
CREATE SCHEMA IF NOT EXISTS demo;

CREATE TABLE demo.injected_anomalies (
  tenant_id             text             NOT NULL,
  store_id              bigint           NOT NULL,
  day                   date             NOT NULL,   -- UTC
  kind                  text             NOT NULL CHECK (kind IN ('spike', 'drop', 'outage')),
  volume_factor         double precision NOT NULL,  -- expected transactions multiplied by this
  baseline_transactions double precision NOT NULL,  -- expected transactions without the anomaly
  PRIMARY KEY (store_id, day)
);
