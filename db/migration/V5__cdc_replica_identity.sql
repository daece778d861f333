-- retail.competitor_prices has no primary key, so PostgreSQL cannot publish its updates and deletes
-- to the CDC publication ("does not have a replica identity"): identify rows by all their columns.
-- The table's columns stay exactly as they are (a public contract).
ALTER TABLE retail.competitor_prices REPLICA IDENTITY FULL;
