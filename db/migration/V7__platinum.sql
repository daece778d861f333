-- Platinum: machine-learning features, written continuously by the lakehouse job
-- (streams/lakehouse: io.suqi.lakehouse.platinum) from the gold daily store totals and from silver.
-- As in V4, every table has a natural key and the job writes absolute values, so a replay converges.
CREATE SCHEMA IF NOT EXISTS platinum;

-- One row per store and UTC day, for forecasting: the day's sales (the target) and features known
-- before the day starts. The windows and lags are TRAILING: revenue_7d is days day-7 … day-1,
-- revenue_28d days day-28 … day-1, so a row never contains its own target. A day without sales
-- between a store's first and latest sale day has a row too (all measures zero), so the series is
-- contiguous; a day whose sales were all taken back keeps its row, at zero.
CREATE TABLE platinum.store_day_features (
  tenant_id       text        NOT NULL,
  store_id        bigint      NOT NULL,
  day             date        NOT NULL,
  revenue         numeric     NOT NULL,   -- completed transactions of the day, as gold.sales_daily
  txn_count       bigint      NOT NULL,
  units           bigint      NOT NULL,
  avg_basket      numeric,                -- revenue / txn_count, 4 decimals (half-even); NULL with no txn
  revenue_7d      numeric     NOT NULL,   -- day-7 … day-1
  revenue_28d     numeric     NOT NULL,   -- day-28 … day-1
  txn_count_7d    bigint      NOT NULL,
  txn_count_28d   bigint      NOT NULL,
  revenue_lag_1d  numeric     NOT NULL,   -- revenue of day-1; 0 when it had no sales
  revenue_lag_7d  numeric     NOT NULL,   -- of day-7
  revenue_lag_28d numeric     NOT NULL,   -- of day-28
  day_of_week     smallint    NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),   -- ISO: 1 = Monday
  month           smallint    NOT NULL CHECK (month BETWEEN 1 AND 12),
  is_holiday      boolean     NOT NULL,   -- a US retail holiday (RetailHolidays: fixed rules)
  updated_at      timestamptz NOT NULL,   -- when the row was last written
  PRIMARY KEY (tenant_id, store_id, day)
);

-- Recency, frequency and monetary value per identified customer: completed transactions only
-- (a refund, void or delete takes the purchase back); anonymous sales do not count. A customer
-- whose every purchase was taken back has no row.
CREATE TABLE platinum.customer_rfm (
  tenant_id         text        NOT NULL,
  customer_id       bigint      NOT NULL,
  first_purchase_at timestamptz NOT NULL,
  last_purchase_at  timestamptz NOT NULL,
  frequency         bigint      NOT NULL CHECK (frequency > 0),   -- completed transactions
  monetary          numeric     NOT NULL,                         -- their revenue
  updated_at        timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, customer_id)
);

-- The scores, computed when read: recency counts whole UTC days since the last purchase, and each
-- of r, f and m is the customer's quintile within the tenant, 5 the best (most recent, most
-- frequent, highest spend). Ties are split by customer_id so that scores are deterministic.
CREATE VIEW platinum.customer_rfm_scores AS
SELECT tenant_id,
       customer_id,
       first_purchase_at,
       last_purchase_at,
       frequency,
       monetary,
       (now() AT TIME ZONE 'UTC')::date - (last_purchase_at AT TIME ZONE 'UTC')::date             AS recency_days,
       ntile(5) OVER (PARTITION BY tenant_id ORDER BY last_purchase_at, customer_id)                AS r_score,
       ntile(5) OVER (PARTITION BY tenant_id ORDER BY frequency, customer_id)                       AS f_score,
       ntile(5) OVER (PARTITION BY tenant_id ORDER BY monetary, customer_id)                        AS m_score
FROM platinum.customer_rfm;

-- The analytics agent's read-only role may answer from platinum.
GRANT USAGE ON SCHEMA platinum TO suqi_analytics;
GRANT SELECT ON platinum.store_day_features, platinum.customer_rfm, platinum.customer_rfm_scores TO suqi_analytics;
