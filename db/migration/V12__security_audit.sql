-- The security agent answers over the orchestration log and trace (who asked, who was turned away,
-- which questions looked like attacks) with the same isolation as the other agents: row-level
-- security names the tenant per transaction, so an admin of one tenant never reads another's log.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'suqi_security') THEN
    CREATE ROLE suqi_security NOLOGIN;
  END IF;
END $$;
GRANT suqi_agent TO suqi_security;
GRANT USAGE ON SCHEMA scout TO suqi_security;
GRANT SELECT ON scout.ai_orchestration_log, scout.orchestration_trace TO suqi_security;

ALTER TABLE scout.ai_orchestration_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON scout.ai_orchestration_log FOR SELECT TO suqi_agent
  USING (tenant_id = NULLIF(current_setting('suqi.tenant_id', true), ''));

-- A trace row belongs to its question's tenant (its log row is written when the question ends).
ALTER TABLE scout.orchestration_trace ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON scout.orchestration_trace FOR SELECT TO suqi_agent
  USING (EXISTS (SELECT 1 FROM scout.ai_orchestration_log l
                 WHERE l.query_id = orchestration_trace.query_id
                   AND l.tenant_id = NULLIF(current_setting('suqi.tenant_id', true), '')));
