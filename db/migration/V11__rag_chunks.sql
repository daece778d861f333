-- The RAG agent's view of kb.documents: each document cut into passages, each passage with its
-- embedding. Written by the agent's CDC follower (as the tables' owner, like every writer), read
-- back to rebuild its in-process Lucene index at start, and read per answer as suqi_rag under
-- row-level security. pgvector is not available here: vectors are real[] (DESIGN §4).
CREATE TABLE kb.chunks (
  doc_id       text   NOT NULL,
  chunk_no     int    NOT NULL CHECK (chunk_no >= 0),
  tenant_id    text   NOT NULL,
  start_offset int    NOT NULL CHECK (start_offset >= 0),   -- into kb.documents.body, in UTF-16 chars
  end_offset   int    NOT NULL CHECK (end_offset > start_offset),
  text         text   NOT NULL,                              -- = substring of the body [start, end)
  content_hash text   NOT NULL,                              -- SHA-256 of model + embedded text
  model        text   NOT NULL,
  embedding    real[] NOT NULL,
  indexed_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (doc_id, chunk_no)
);
-- The agent's per-answer read is by tenant and document.
CREATE INDEX chunks_tenant_doc ON kb.chunks (tenant_id, doc_id);

-- Embeddings by content: the same passage text (a restart, an update that leaves a paragraph as
-- it was, the same policy text of two tenants) is embedded once. Holds no tenant id and is
-- granted to no agent role.
CREATE TABLE kb.embedding_cache (
  content_hash text   NOT NULL,
  model        text   NOT NULL,
  embedding    real[] NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (content_hash, model)
);

-- The role the RAG agent switches to for its reads: the knowledge base only, isolated by tenant
-- as a member of suqi_agent (V9's policies name that group).
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'suqi_rag') THEN
    CREATE ROLE suqi_rag NOLOGIN;
  END IF;
END $$;
GRANT suqi_agent TO suqi_rag;
GRANT USAGE ON SCHEMA kb TO suqi_rag;
GRANT SELECT ON kb.documents, kb.chunks TO suqi_rag;

ALTER TABLE kb.chunks ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON kb.chunks FOR SELECT TO suqi_agent
  USING (tenant_id = NULLIF(current_setting('suqi.tenant_id', true), ''));
