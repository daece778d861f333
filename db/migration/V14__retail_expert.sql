-- The role the retail expert agent switches to for its reads: the operational retail tables only,
-- read-only, isolated by tenant as a member of suqi_agent (V9 already protects every retail.* table
-- with a tenant_isolation policy naming that group, including transaction_items and
-- competitor_prices through their parents).
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'suqi_retail') THEN
    CREATE ROLE suqi_retail NOLOGIN;
  END IF;
END $$;
GRANT suqi_agent TO suqi_retail;
GRANT USAGE ON SCHEMA retail TO suqi_retail;
GRANT SELECT ON retail.tenants, retail.stores, retail.products, retail.customers, retail.transactions,
  retail.transaction_items, retail.competitor_prices TO suqi_retail;
