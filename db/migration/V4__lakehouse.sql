-- The lakehouse medallion layers written by the Flink medallion job (streams/lakehouse):
--   bronze: every input record as received; silver: typed, deduplicated, quality-checked;
--   gold: aggregates read by metric consumers. Every table has a natural key so that the job's
--   idempotent writes (insert-if-absent, upsert of absolute values) converge after a replay.
CREATE SCHEMA IF NOT EXISTS bronze;
CREATE SCHEMA IF NOT EXISTS silver;
CREATE SCHEMA IF NOT EXISTS gold;

-- Bronze: one row per Kafka record read (POS and CDC), tombstones included (value null).
CREATE TABLE bronze.raw_events (
  source          text        NOT NULL CHECK (source IN ('pos', 'cdc')),
  topic           text        NOT NULL,
  kafka_partition int         NOT NULL,
  kafka_offset    bigint      NOT NULL,
  key             text,
  value           text,
  ingested_at     timestamptz NOT NULL,
  PRIMARY KEY (topic, kafka_partition, kafka_offset)   -- a replayed record lands once
);
CREATE INDEX raw_events_ingested ON bronze.raw_events (ingested_at);

-- Silver: the current version of each transaction, one row whatever the number of copies
-- received from POS and CDC. Deleted transactions are removed.
CREATE TABLE silver.transactions (
  txn_id         text        PRIMARY KEY,
  tenant_id      text        NOT NULL,
  store_id       bigint      NOT NULL,
  customer_id    bigint,
  ts             timestamptz NOT NULL,
  status         text        NOT NULL CHECK (status IN ('completed', 'refunded', 'void')),
  payment_method text        NOT NULL,
  region         text,                   -- the store's region when the transaction was accepted
  source         text        NOT NULL CHECK (source IN ('pos', 'cdc')),  -- where the header came from
  updated_at     timestamptz NOT NULL
);
CREATE INDEX silver_transactions_tenant_ts ON silver.transactions (tenant_id, ts);

-- No foreign key to silver.transactions: lines and headers are written by separate sinks and
-- may land in either order.
CREATE TABLE silver.transaction_items (
  txn_id     text    NOT NULL,
  line_no    int     NOT NULL,
  product_id bigint  NOT NULL,
  quantity   int     NOT NULL,
  unit_price numeric NOT NULL,            -- unconstrained scale: kept exactly as received
  discount   numeric NOT NULL,
  category   text,                        -- the product's category when the line was accepted
  revenue    numeric GENERATED ALWAYS AS (quantity * unit_price - discount) STORED,
  PRIMARY KEY (txn_id, line_no)
);

-- Records that broke an expectation (or were not JSON), kept as received with the reason.
-- The same records also go to the retail.quarantine topic.
CREATE TABLE silver.quarantine (
  source_topic    text        NOT NULL,
  kafka_partition int         NOT NULL,
  kafka_offset    bigint      NOT NULL,
  expectation     text        NOT NULL,   -- the first expectation the record broke
  reason          text        NOT NULL,   -- every broken expectation, with details
  key             text,
  value           text,
  quarantined_at  timestamptz NOT NULL,
  PRIMARY KEY (source_topic, kafka_partition, kafka_offset)
);
CREATE INDEX quarantine_expectation ON silver.quarantine (expectation, quarantined_at);

-- How many records passed and failed each expectation: per processing-time window, and in total
-- since the job first started. The totals are exact across restarts (checkpointed); after a
-- failure a window may count again records that an earlier window had already counted.
CREATE TABLE silver.quality_results (
  window_start timestamptz NOT NULL,
  window_end   timestamptz NOT NULL,
  expectation  text        NOT NULL,
  passed       bigint      NOT NULL,
  failed       bigint      NOT NULL,
  passed_total bigint      NOT NULL,
  failed_total bigint      NOT NULL,
  PRIMARY KEY (window_start, expectation)
);

-- The latest totals per expectation.
CREATE VIEW silver.quality_totals AS
SELECT DISTINCT ON (expectation)
       expectation,
       passed_total                                                              AS passed,
       failed_total                                                              AS failed,
       round(passed_total::numeric / nullif(passed_total + failed_total, 0), 4) AS pass_rate,
       window_end                                                                AS as_of
FROM silver.quality_results
ORDER BY expectation, window_end DESC;

-- Gold (DESIGN contract): completed transactions only; days are UTC calendar days of ts.
-- A (tenant, store, day) whose last completed transaction was refunded, voided or deleted has no row.
CREATE TABLE gold.sales_daily (
  tenant_id text    NOT NULL,
  store_id  bigint  NOT NULL,
  day       date    NOT NULL,
  revenue   numeric NOT NULL,
  txn_count bigint  NOT NULL,
  units     bigint  NOT NULL,
  PRIMARY KEY (tenant_id, store_id, day)
);

-- Same measures per UTC hour.
CREATE TABLE gold.sales_hourly_store (
  tenant_id text        NOT NULL,
  store_id  bigint      NOT NULL,
  hour      timestamptz NOT NULL,
  revenue   numeric     NOT NULL,
  txn_count bigint      NOT NULL,
  units     bigint      NOT NULL,
  PRIMARY KEY (tenant_id, store_id, hour)
);

-- Per product category and store region; txn_count counts the transactions with at least one
-- line in the category.
CREATE TABLE gold.sales_daily_category_region (
  tenant_id text    NOT NULL,
  day       date    NOT NULL,
  category  text    NOT NULL,
  region    text    NOT NULL,
  revenue   numeric NOT NULL,
  txn_count bigint  NOT NULL,
  units     bigint  NOT NULL,
  PRIMARY KEY (tenant_id, day, category, region)
);

-- The analytics agent's read-only role may answer from gold.
GRANT USAGE ON SCHEMA gold TO suqi_analytics;
GRANT SELECT ON ALL TABLES IN SCHEMA gold TO suqi_analytics;
