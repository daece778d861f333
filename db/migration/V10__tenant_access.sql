-- What the orchestrator's gates need about keys and tenants. Postgres is the record; the runtime
-- publishes both tables to the compacted topics suqi.api-keys and suqi.tenant-policies, which the
-- orchestrator's stores are loaded from.
ALTER TABLE scout.api_keys
  ADD COLUMN user_id text,                                   -- null: a tenant-wide key
  ADD COLUMN role    text NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'admin'));

CREATE TABLE scout.tenant_policies (
  tenant_id                 text PRIMARY KEY REFERENCES retail.tenants,
  platforms                 text[],                          -- null: every platform
  questions_per_minute      int  CHECK (questions_per_minute > 0),
  user_questions_per_minute int  CHECK (user_questions_per_minute > 0),
  tokens_per_day            bigint CHECK (tokens_per_day > 0),
  user_tokens_per_day       bigint CHECK (user_tokens_per_day > 0),
  debug                     boolean NOT NULL DEFAULT false,  -- each step's detail in the trace
  updated_at                timestamptz NOT NULL DEFAULT now()
);
