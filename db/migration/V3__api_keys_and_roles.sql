-- API keys, stored as SHA-256 hashes: a key is 32 random bytes, so an unsalted hash is enough to
-- make a leaked table useless, and lookup stays a primary-key read.
CREATE TABLE scout.api_keys (
  key_hash   text PRIMARY KEY,
  tenant_id  text NOT NULL REFERENCES retail.tenants,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

-- Least-privileged role the analytics agent switches to for every query it runs: read-only on
-- the data it may answer from, nothing else.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'suqi_analytics') THEN
    CREATE ROLE suqi_analytics NOLOGIN;
  END IF;
END $$;
GRANT USAGE ON SCHEMA retail, kb TO suqi_analytics;
GRANT SELECT ON ALL TABLES IN SCHEMA retail, kb TO suqi_analytics;
