-- Tenant isolation enforced by PostgreSQL itself: an agent sees only the rows of the tenant its
-- transaction names, whatever the SQL it runs says (the agents' WHERE clauses stay, as a second
-- line of defence).
--
-- An agent's transaction names its tenant with
--     SELECT set_config('suqi.tenant_id', 'acme', true);   -- true: for this transaction only
-- and switches to an agent role (SET LOCAL ROLE suqi_analytics). Unset or empty means no tenant,
-- and then no rows at all (fail closed): after a transaction that set it ends, the setting reads
-- '' rather than NULL, hence the NULLIF.
--
-- Writers are unaffected: the lakehouse, CDC (Debezium reads the WAL, which RLS does not touch)
-- and the demo loader connect as the tables' owner or a superuser, and both bypass RLS because
-- it is ENABLEd, not FORCEd. A role that is neither an owner nor an agent sees nothing of these
-- tables (no policy applies to it).

-- Every agent role is a member of suqi_agent: the policies name this group, so an agent role
-- added later is isolated by joining it, without touching any policy.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'suqi_agent') THEN
    CREATE ROLE suqi_agent NOLOGIN;
  END IF;
END $$;
GRANT suqi_agent TO suqi_analytics;

-- Agents answer from gold and platinum too (V4, V6 and V7 granted most of it; the whole layers now).
GRANT USAGE ON SCHEMA gold, platinum TO suqi_analytics;
GRANT SELECT ON ALL TABLES IN SCHEMA gold, platinum TO suqi_analytics;

-- Tables with a tenant_id column: the row's own tenant must be the transaction's.
DO $$
DECLARE
  tenant_table text;
BEGIN
  FOREACH tenant_table IN ARRAY ARRAY[
      'retail.tenants', 'retail.stores', 'retail.products', 'retail.customers', 'retail.transactions',
      'kb.documents',
      'silver.transactions',
      'gold.sales_daily', 'gold.sales_hourly_store', 'gold.sales_daily_category_region',
      'gold.store_minute_metrics', 'gold.late_events', 'gold.anomalies',
      'platinum.store_day_features', 'platinum.customer_rfm']
  LOOP
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tenant_table);
    -- current_setting is STABLE, so the comparison is an index condition on (tenant_id, …) keys
    EXECUTE format($policy$
      CREATE POLICY tenant_isolation ON %s FOR SELECT TO suqi_agent
        USING (tenant_id = NULLIF(current_setting('suqi.tenant_id', true), ''))
      $policy$, tenant_table);
  END LOOP;
END $$;

-- Tables without tenant_id (their columns are a public contract): a row belongs to the tenant of
-- its parent, looked up by the parent's primary key. The parent's own policy applies inside the
-- EXISTS as well; the tenant is compared again so that each policy reads correctly on its own.
ALTER TABLE retail.transaction_items ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON retail.transaction_items FOR SELECT TO suqi_agent
  USING (EXISTS (SELECT 1 FROM retail.transactions t
                 WHERE t.txn_id = transaction_items.txn_id
                   AND t.tenant_id = NULLIF(current_setting('suqi.tenant_id', true), '')));

ALTER TABLE retail.competitor_prices ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON retail.competitor_prices FOR SELECT TO suqi_agent
  USING (EXISTS (SELECT 1 FROM retail.products p
                 WHERE p.product_id = competitor_prices.product_id
                   AND p.tenant_id = NULLIF(current_setting('suqi.tenant_id', true), '')));

-- Silver is not granted to agents; it is protected all the same so that a later grant cannot
-- leak. A line whose header has not landed yet (the sinks write in either order) is hidden.
ALTER TABLE silver.transaction_items ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON silver.transaction_items FOR SELECT TO suqi_agent
  USING (EXISTS (SELECT 1 FROM silver.transactions t
                 WHERE t.txn_id = transaction_items.txn_id
                   AND t.tenant_id = NULLIF(current_setting('suqi.tenant_id', true), '')));

-- A view reads its tables with its owner's rights by default, and the owner bypasses RLS: read
-- through the view as the caller instead, so the policies of platinum.customer_rfm apply.
ALTER VIEW platinum.customer_rfm_scores SET (security_invoker = true);
