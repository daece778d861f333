-- SQL mode: ask from a database session.
--
--   SELECT suqi.ask('top 5 stores by revenue last month');      -- a query id (uuid)
--   SELECT suqi.answer('…query id…');                           -- the answer as jsonb
--   SELECT public.ask_suqi_query('top 5 stores by revenue last month');  -- both in one call
--
-- suqi.ask writes the question to suqi.outbox; Debezium (connectors/config/sql-questions.json)
-- carries each new row to suqi.queries as an Avro Question, the one way questions reach the
-- orchestrator; the platform writes each answer to a SQL-mode question into suqi.answers, which
-- suqi.answer polls. The caller's database role decides the tenant (suqi.tenant_roles).
--
-- Privileges: the functions are the only door. They run as their owner (SECURITY DEFINER, fixed
-- search_path) and serve only mapped roles, reading and writing for the caller's tenant only;
-- nobody but the owner has any privilege on the tables. EXECUTE stays with PUBLIC so that an
-- unmapped role is told how to get mapped instead of being refused without a reason.

CREATE SCHEMA suqi;
-- What only the owner's functions use: helpers, and dblink (which PUBLIC must not reach).
CREATE SCHEMA suqi_private;
REVOKE ALL ON SCHEMA suqi_private FROM PUBLIC;
GRANT USAGE ON SCHEMA suqi TO PUBLIC;

-- Filled by `bin/suqi tenant db-role TENANT ROLE` (or `tenant create NAME --db-role ROLE`).
CREATE TABLE suqi.tenant_roles (
  role_name  name PRIMARY KEY,
  tenant_id  text NOT NULL REFERENCES retail.tenants,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One row per question asked from SQL; kept, as the record of who asked what (and so that
-- suqi.answer can tell an unknown query id from one that is still being answered).
CREATE TABLE suqi.outbox (
  query_id      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id     text NOT NULL,
  db_role       text NOT NULL, -- text, not name: Debezium carries text columns as strings
  platform      text NOT NULL,
  question      text NOT NULL CHECK (btrim(question) <> '' AND length(question) <= 2000),
  context_limit int NOT NULL CHECK (context_limit BETWEEN 1 AND 100),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_tenant_created ON suqi.outbox (tenant_id, created_at);

-- The answer, in the JSON of POST /v1/ask's answer (written by the platform's SqlAnswerWriter).
CREATE TABLE suqi.answers (
  query_id    uuid PRIMARY KEY REFERENCES suqi.outbox,
  tenant_id   text NOT NULL,
  response    jsonb NOT NULL,
  answered_at timestamptz NOT NULL DEFAULT now()
);

REVOKE ALL ON suqi.tenant_roles, suqi.outbox, suqi.answers FROM PUBLIC;

-- The role a caller acts as: SET ROLE's role when set (PostgREST and Supabase switch to the
-- request's role that way), else the login role. Inside a SECURITY DEFINER function
-- current_user is the owner, but neither of these changes.
CREATE FUNCTION suqi_private.caller_role() RETURNS name
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce(nullif(current_setting('role'), 'none'), session_user)::name
$$;

CREATE FUNCTION suqi_private.caller_tenant() RETURNS text
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  caller name := suqi_private.caller_role();
  tenant text;
BEGIN
  SELECT m.tenant_id INTO tenant FROM suqi.tenant_roles m WHERE m.role_name = caller;
  IF tenant IS NULL THEN
    RAISE EXCEPTION 'database role "%" is not mapped to a Suqi tenant; an administrator maps it with: bin/suqi tenant db-role TENANT %', caller, caller
      USING ERRCODE = 'insufficient_privilege',
            HINT = 'or create a tenant with its own role: bin/suqi tenant create TENANT --db-role ROLE';
  END IF;
  RETURN tenant;
END $$;

CREATE FUNCTION suqi_private.check_question(question text, context_limit int) RETURNS void
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF question IS NULL OR btrim(question) = '' THEN
    RAISE EXCEPTION 'the question is empty; ask e.g. suqi.ask(''top 5 stores by revenue last month'')'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF length(question) > 2000 THEN
    RAISE EXCEPTION 'the question is longer than 2000 characters' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF context_limit IS NULL OR context_limit NOT BETWEEN 1 AND 100 THEN
    RAISE EXCEPTION 'context_limit must be an integer from 1 to 100, got %', context_limit
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
END $$;

CREATE FUNCTION suqi_private.enqueue(tenant text, caller name, platform text, question text, context_limit int)
RETURNS uuid LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
  INSERT INTO suqi.outbox (tenant_id, db_role, platform, question, context_limit)
  VALUES (tenant, caller, platform, btrim(question), context_limit)
  RETURNING query_id
$$;

-- Polls suqi.answers until the answer is there or wait_ms has passed. In READ COMMITTED each
-- statement of a volatile function takes a new snapshot, so an answer committed meanwhile is seen.
CREATE FUNCTION suqi_private.await_answer(id uuid, tenant text, wait_ms int) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  started  timestamptz := clock_timestamp();
  deadline timestamptz := clock_timestamp() + make_interval(secs => wait_ms / 1000.0);
  nap      float8 := 0.005;
  response jsonb;
BEGIN
  IF wait_ms IS NULL OR wait_ms < 0 OR wait_ms > 300000 THEN
    RAISE EXCEPTION 'wait_ms must be from 0 to 300000 (5 minutes), got %', wait_ms
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'waiting for an answer needs READ COMMITTED (this transaction is %): its snapshot would never see the answer',
      current_setting('transaction_isolation') USING ERRCODE = 'invalid_transaction_state';
  END IF;
  LOOP
    SELECT a.response INTO response FROM suqi.answers a WHERE a.query_id = id AND a.tenant_id = tenant;
    IF response IS NOT NULL THEN
      RETURN response;
    END IF;
    EXIT WHEN clock_timestamp() >= deadline;
    PERFORM pg_sleep(least(nap, greatest(extract(epoch FROM deadline - clock_timestamp()), 0)));
    nap := least(nap * 2, 0.05); -- 5 ms, 10 ms, … then every 50 ms
  END LOOP;
  -- The shape of POST /v1/ask's 202 answer, saying what to do next.
  RETURN jsonb_build_object(
    'query_id', id, 'intent', NULL, 'confidence', NULL, 'agent', NULL, 'status', 'timeout',
    'answer', jsonb_build_object(
      'text', format('No answer yet within %s ms; the question is still being processed. Ask again with: SELECT suqi.answer(%L);', wait_ms, id),
      'sql', NULL, 'columns', '[]'::jsonb, 'rows', '[]'::jsonb, 'citations', '[]'::jsonb),
    'cache_hit', false,
    'latency_ms', (extract(epoch FROM clock_timestamp() - started) * 1000)::bigint);
END $$;

REVOKE ALL ON FUNCTION suqi_private.caller_role(), suqi_private.caller_tenant(),
  suqi_private.check_question(text, int), suqi_private.enqueue(text, name, text, text, int),
  suqi_private.await_answer(uuid, text, int) FROM PUBLIC;

CREATE FUNCTION suqi.ask(question text, context_limit int DEFAULT 10) RETURNS uuid
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  tenant text := suqi_private.caller_tenant();
BEGIN
  PERFORM suqi_private.check_question(question, context_limit);
  -- 'chat', the platform of a question that names none (as over HTTP): it reaches every agent.
  RETURN suqi_private.enqueue(tenant, suqi_private.caller_role(), 'chat', question, context_limit);
END $$;
COMMENT ON FUNCTION suqi.ask(text, int) IS
  'Asks Suqi a question for the caller''s tenant; returns its query id. The question is sent when the caller''s transaction commits; read the answer with suqi.answer(query_id).';

CREATE FUNCTION suqi.answer(query_id uuid, wait_ms int DEFAULT 10000) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  tenant text := suqi_private.caller_tenant();
BEGIN
  -- The same answer for another tenant's query id as for an unknown one: nothing to learn.
  IF NOT EXISTS (SELECT 1 FROM suqi.outbox o WHERE o.query_id = answer.query_id AND o.tenant_id = tenant) THEN
    RAISE EXCEPTION 'no question with query id % was asked for tenant %', answer.query_id, tenant
      USING ERRCODE = 'no_data_found', HINT = 'ask first: SELECT suqi.ask(''your question'');';
  END IF;
  -- Asked in this very transaction: not committed, so not sent; waiting could only time out.
  IF EXISTS (SELECT 1 FROM suqi.outbox o WHERE o.query_id = answer.query_id
             AND o.xmin = xid(pg_current_xact_id_if_assigned())) THEN
    RAISE EXCEPTION 'question % is not committed yet, so it has not been sent: commit, then call suqi.answer (or ask with public.ask_suqi_query, which commits on its own)', answer.query_id
      USING ERRCODE = 'invalid_transaction_state';
  END IF;
  RETURN suqi_private.await_answer(answer.query_id, tenant, wait_ms);
END $$;
COMMENT ON FUNCTION suqi.answer(uuid, int) IS
  'Waits up to wait_ms for the answer to a question of the caller''s tenant; status "timeout" when it is not there yet.';

-- The original design's one-call form, for PostgREST / Supabase rpc('ask_suqi_query', …). The
-- question must be committed before CDC can carry it, but this call waits inside the caller's
-- transaction: the outbox row is inserted through dblink on a second connection to this same
-- database (an autonomous transaction), configured by suqi_private.point_loopback_here.
CREATE EXTENSION IF NOT EXISTS dblink SCHEMA suqi_private;

CREATE FUNCTION public.ask_suqi_query(question text, context_limit int DEFAULT 10, platform text DEFAULT 'analytics')
RETURNS jsonb LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  tenant text := suqi_private.caller_tenant();
  id uuid;
BEGIN
  PERFORM suqi_private.check_question(question, context_limit);
  IF platform IS NULL OR btrim(platform) = '' THEN
    RAISE EXCEPTION 'platform must name the calling application, e.g. analytics' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT r.id INTO id FROM suqi_private.dblink('suqi_loopback', format(
      'SELECT suqi_private.enqueue(%L, %L, %L, %L, %s)',
      tenant, suqi_private.caller_role(), platform, question, context_limit)) AS r(id uuid);
  RETURN suqi_private.await_answer(id, tenant, 10000);
END $$;
COMMENT ON FUNCTION public.ask_suqi_query(text, int, text) IS
  'Asks Suqi a question for the caller''s tenant and waits up to 10 s for the answer (status "timeout" with the query id for suqi.answer otherwise).';

-- dblink may already have been installed in another schema (Supabase puts it in "extensions"):
-- the one-call form finds it on its fixed search path either way.
DO $$
DECLARE
  home name := (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                WHERE e.extname = 'dblink');
BEGIN
  IF home <> 'suqi_private' THEN
    EXECUTE replace(pg_get_functiondef('public.ask_suqi_query(text, int, text)'::regprocedure),
                    'suqi_private.dblink(', quote_ident(home) || '.dblink(');
  END IF;
END $$;

-- The loopback server dblink connects to: this server, as the connection running this function
-- reached it (its own address and port, or its socket directory), this database, and a user
-- mapping for the current user (the functions' owner) with the password given, if any.
-- `suqi up` calls it at every start with the password of its JDBC URL, so a changed port or
-- password follows; without a password the owner must be a superuser the server trusts locally.
CREATE FUNCTION suqi_private.point_loopback_here(password text) RETURNS text
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  server_host text := coalesce(host(inet_server_addr()),
                               btrim(split_part(current_setting('unix_socket_directories'), ',', 1)));
  server_port text := coalesce(inet_server_port()::text, current_setting('port'));
  fdw  name := (SELECT w.fdwname FROM pg_foreign_data_wrapper w WHERE w.fdwname = 'dblink_fdw');
  options text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_foreign_server WHERE srvname = 'suqi_loopback') THEN
    EXECUTE format('CREATE SERVER suqi_loopback FOREIGN DATA WRAPPER %I OPTIONS (host %L, port %L, dbname %L)',
                   fdw, server_host, server_port, current_database());
  ELSE
    EXECUTE format('ALTER SERVER suqi_loopback OPTIONS (SET host %L, SET port %L, SET dbname %L)',
                   server_host, server_port, current_database());
  END IF;
  EXECUTE format('DROP USER MAPPING IF EXISTS FOR %I SERVER suqi_loopback', current_user);
  options := format('user %L', current_user) || CASE WHEN password IS NULL THEN '' ELSE format(', password %L', password) END;
  EXECUTE format('CREATE USER MAPPING FOR %I SERVER suqi_loopback OPTIONS (%s)', current_user, options);
  RETURN format('host=%s port=%s dbname=%s user=%s', server_host, server_port, current_database(), current_user);
END $$;
REVOKE ALL ON FUNCTION suqi_private.point_loopback_here(text) FROM PUBLIC;
SELECT suqi_private.point_loopback_here(NULL);

-- Not reachable by PUBLIC: dblink's own functions (they would let anyone open connections).
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA suqi_private FROM PUBLIC;
GRANT EXECUTE ON FUNCTION suqi.ask(text, int), suqi.answer(uuid, int),
  public.ask_suqi_query(text, int, text) TO PUBLIC;
