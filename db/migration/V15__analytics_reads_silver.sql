-- The analytics agent answers from gold where gold has the grain, and from silver where it does
-- not (products, categories, brands, customers, payment methods, hour of day, discounts, margin,
-- refunds, voids): silver holds every source (CDC and POS), deduplicated. Row-level security on
-- both tables (V9) already limits an agent to its tenant's rows.
GRANT USAGE ON SCHEMA silver TO suqi_analytics;
GRANT SELECT ON silver.transactions, silver.transaction_items TO suqi_analytics;
