-- The operational retail database and the knowledge base (DESIGN §3.1): the system's input.
-- Column names, types and keys are a public contract: producers and Debezium depend on them.
CREATE SCHEMA IF NOT EXISTS retail;
CREATE SCHEMA IF NOT EXISTS kb;

CREATE TABLE retail.tenants  (tenant_id text PRIMARY KEY, name text NOT NULL);
CREATE TABLE retail.stores   (store_id bigint PRIMARY KEY, tenant_id text NOT NULL REFERENCES retail.tenants,
  name text NOT NULL, region text NOT NULL, city text NOT NULL, opened_on date NOT NULL);
CREATE TABLE retail.products (product_id bigint PRIMARY KEY, tenant_id text NOT NULL REFERENCES retail.tenants,
  sku text NOT NULL, name text NOT NULL, category text NOT NULL, brand text NOT NULL,
  unit_price numeric(12,2) NOT NULL, unit_cost numeric(12,2) NOT NULL);
CREATE TABLE retail.customers (customer_id bigint PRIMARY KEY, tenant_id text NOT NULL REFERENCES retail.tenants,
  segment text NOT NULL, region text NOT NULL, joined_on date NOT NULL);
CREATE TABLE retail.transactions (txn_id text PRIMARY KEY, tenant_id text NOT NULL REFERENCES retail.tenants,
  store_id bigint NOT NULL REFERENCES retail.stores, customer_id bigint REFERENCES retail.customers,
  ts timestamptz NOT NULL, status text NOT NULL CHECK (status IN ('completed','refunded','void')),
  payment_method text NOT NULL);
CREATE TABLE retail.transaction_items (txn_id text NOT NULL REFERENCES retail.transactions, line_no int NOT NULL,
  product_id bigint NOT NULL REFERENCES retail.products, quantity int NOT NULL, unit_price numeric(12,2) NOT NULL,
  discount numeric(12,2) NOT NULL DEFAULT 0, PRIMARY KEY (txn_id, line_no));
CREATE TABLE retail.competitor_prices (product_id bigint NOT NULL REFERENCES retail.products,
  competitor text NOT NULL, price numeric(12,2) NOT NULL, observed_at timestamptz NOT NULL);
CREATE TABLE kb.documents (doc_id text PRIMARY KEY, tenant_id text NOT NULL, title text NOT NULL,
  body text NOT NULL, source text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now());

-- Analytics read transactions per tenant and time range.
CREATE INDEX transactions_tenant_ts ON retail.transactions (tenant_id, ts);
CREATE INDEX competitor_prices_product ON retail.competitor_prices (product_id, observed_at);
