-- Every figure stored pays one entry in each index of observations and observation_versions (the bulk import writes
-- 100,000 at a time). Two of those indexes duplicated another one's access path (issue 18, measured in bench/README.md):
--
-- observation_versions_obs (tenant_id, observation_id) did what UNIQUE (observation_id, seq) already does: every query
-- on observation_versions names the figure (observation_id, a UUID of one tenant), and the unique index's seq order
-- also gives "the newest version" without a sort.
--
-- observations_slot_covering (tenant_id, indicator_id, unit_id) INCLUDE (id, period), added in 0012 so that a plan
-- evaluation's slot lookups are index-only, held the same five columns as the slot key UNIQUE (tenant_id,
-- indicator_id, unit_id, period) plus id. The slot key now carries id (INCLUDE: not part of the uniqueness), so it
-- is both the constraint and that index-only access path, under its old name (ON CONFLICT and the error messages
-- find it as before). Per 5,000 new slots the insert took 185–212 ms without the covering index, 238–312 ms with it.
--
-- Should the tables be distributed by tenant (docs/scaling.md), the keys gain tenant_id first in that migration.
DROP INDEX observation_versions_obs;
ALTER TABLE observations DROP CONSTRAINT observations_tenant_id_indicator_id_unit_id_period_key;
ALTER TABLE observations ADD CONSTRAINT observations_tenant_id_indicator_id_unit_id_period_key
  UNIQUE (tenant_id, indicator_id, unit_id, period) INCLUDE (id);
DROP INDEX observations_slot_covering;
