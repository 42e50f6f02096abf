-- A figure's references carry its tenant (issue 18, measured in bench/README.md, "The import, fourth pass").
-- Until now observations referenced tenants(id), indicators(id) and units(id) apart, and observation_versions
-- tenants(id) and observations(id): five foreign-key checks for every figure stored, each an index probe and a row
-- lock (40–45 % of the database's time in the bulk import), and nothing stopped a figure of one tenant from naming
-- another tenant's indicator or unit, or a version from being filed under another tenant than its figure.
--
-- Now the indicator, the unit and the figure are referenced together with the tenant key, (tenant_id, x) →
-- (tenant_id, id), and the separate tenant references of the two tables go: the referenced row's own reference to
-- tenants already proves the tenant exists. Three checks a figure stored instead of five, and a figure cannot cross
-- tenants at the database level. This is the form Citus requires of references between tables distributed by tenant
-- (docs/scaling.md): the key of observations becomes (id, tenant_id), the distribution column in it.
--
-- The referenced side needs a unique key holding both columns. indicators and units (a few hundred rows a tenant)
-- gain one small index each. observations does not gain one: its primary key (id) becomes (id, tenant_id), still one
-- index entry a figure (a second unique key on (tenant_id, id) was measured: one more index entry and WAL record a
-- figure, which ate most of the saving). Lookups by id alone still use it (id leads). The ids stay unique in
-- practice — every one is gen_random_uuid(), none is ever given by a client — but the database no longer states it
-- across tenants, as under Citus. The other table that referenced observations(id), observation_reviews, now
-- references (tenant_id, observation_id) too; what references observation_versions(id) is unchanged.
ALTER TABLE indicators ADD CONSTRAINT indicators_tenant_id_id_key UNIQUE (tenant_id, id);
ALTER TABLE units ADD CONSTRAINT units_tenant_id_id_key UNIQUE (tenant_id, id);

ALTER TABLE observation_versions
  DROP CONSTRAINT observation_versions_tenant_id_fkey,
  DROP CONSTRAINT observation_versions_observation_id_fkey;
ALTER TABLE observation_reviews DROP CONSTRAINT observation_reviews_observation_id_fkey;

ALTER TABLE observations
  DROP CONSTRAINT observations_pkey,
  ADD CONSTRAINT observations_pkey PRIMARY KEY (id, tenant_id),
  DROP CONSTRAINT observations_tenant_id_fkey,
  DROP CONSTRAINT observations_indicator_id_fkey,
  DROP CONSTRAINT observations_unit_id_fkey,
  ADD CONSTRAINT observations_indicator_fkey FOREIGN KEY (tenant_id, indicator_id) REFERENCES indicators (tenant_id, id),
  ADD CONSTRAINT observations_unit_fkey FOREIGN KEY (tenant_id, unit_id) REFERENCES units (tenant_id, id);

ALTER TABLE observation_versions ADD CONSTRAINT observation_versions_observation_fkey
  FOREIGN KEY (tenant_id, observation_id) REFERENCES observations (tenant_id, id);
ALTER TABLE observation_reviews ADD CONSTRAINT observation_reviews_observation_fkey
  FOREIGN KEY (tenant_id, observation_id) REFERENCES observations (tenant_id, id);
