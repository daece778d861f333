-- The ML agent's model registry: every candidate it trains (parameters, features, test metrics,
-- the serialized model) and the promotion decision. At most one model per tenant and name is
-- promoted: the one serving forecasts. The agent writes as its own role suqi_ml (a member of
-- suqi_agent), with the tenant set per transaction, so row-level security scopes reads and writes.
CREATE SCHEMA IF NOT EXISTS ml;

CREATE TABLE ml.models (
  tenant_id   text        NOT NULL,
  name        text        NOT NULL,
  version     int         NOT NULL CHECK (version > 0),
  job_id      text        NOT NULL,
  kind        text        NOT NULL,                 -- gradient_boosted_trees | seasonal_naive
  parameters  jsonb       NOT NULL,
  features    text[]      NOT NULL,
  metrics     jsonb       NOT NULL,                 -- {"mape", "rmse", "baseline_mape", "baseline_rmse", "test_from", "test_to", …}
  trained_at  timestamptz NOT NULL,
  train_to    date        NOT NULL,                 -- last day of the training period
  artifact    bytea,                                -- the model (XGBoost's own format); NULL for the baseline
  status      text        NOT NULL CHECK (status IN ('candidate', 'promoted', 'rejected', 'retired')),
  decision    text        NOT NULL,                 -- why it was promoted or not
  PRIMARY KEY (tenant_id, name, version)
);
CREATE UNIQUE INDEX models_one_promoted ON ml.models (tenant_id, name) WHERE status = 'promoted';

-- Forecasts served from a promoted model, reused until another model is promoted.
CREATE TABLE ml.predictions (
  tenant_id    text        NOT NULL,
  name         text        NOT NULL,
  version      int         NOT NULL,
  store_id     bigint      NOT NULL,
  day          date        NOT NULL,
  predicted    numeric     NOT NULL,
  predicted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, name, version, store_id, day),
  FOREIGN KEY (tenant_id, name, version) REFERENCES ml.models ON DELETE CASCADE
);

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'suqi_ml') THEN
    CREATE ROLE suqi_ml NOLOGIN;
  END IF;
END $$;
GRANT suqi_agent TO suqi_ml;
GRANT USAGE ON SCHEMA platinum, ml TO suqi_ml;
GRANT SELECT ON platinum.store_day_features TO suqi_ml;
GRANT SELECT, INSERT, UPDATE, DELETE ON ml.models, ml.predictions TO suqi_ml;

ALTER TABLE ml.models ENABLE ROW LEVEL SECURITY;
ALTER TABLE ml.predictions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ml.models FOR ALL TO suqi_agent
  USING (tenant_id = NULLIF(current_setting('suqi.tenant_id', true), ''))
  WITH CHECK (tenant_id = NULLIF(current_setting('suqi.tenant_id', true), ''));
CREATE POLICY tenant_isolation ON ml.predictions FOR ALL TO suqi_agent
  USING (tenant_id = NULLIF(current_setting('suqi.tenant_id', true), ''))
  WITH CHECK (tenant_id = NULLIF(current_setting('suqi.tenant_id', true), ''));
