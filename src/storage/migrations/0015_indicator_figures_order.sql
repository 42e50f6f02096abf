-- Scale: an indicator page (and the portal) lists one indicator's figures in period order, 200 at a time
-- (`GET /api/observations?indicatorId=…&limit=200`). Without this index the query read every figure of the
-- indicator (7,232 at city scale), probed each one's versions and top-N sorted them: 105 ms cold, p99 1.9 s under
-- 50 connections. With the index in that order the LIMIT stops after the page's rows (EXPLAIN ANALYZE in
-- bench/README.md). The tenant key leads, as on every index of a table that Citus would distribute by tenant.
CREATE INDEX observations_indicator_period ON observations (tenant_id, indicator_id, period, id);
