-- observation_versions_obs (tenant_id, observation_id) duplicated what UNIQUE (observation_id, seq) already gives: every
-- query on observation_versions names the figure (observation_id, a UUID of one tenant), so the unique index answers
-- it, and its seq order serves "the newest version" without a sort (EXPLAIN of the repositories' queries without this
-- index: bench/README.md, issue 18). Each figure stored paid one more index entry for it (7 a figure, now 6). Should
-- the tables be distributed by tenant (docs/scaling.md), the unique key becomes (tenant_id, observation_id, seq) in
-- that migration and leads with the tenant again.
DROP INDEX observation_versions_obs;
