-- A city target split into per-commune targets (issue 19): each commune's target names the city target it is a share
-- of. A column, not provenance, so the split is a foreign key the database keeps whole, a re-split finds the commune
-- targets it replaces by index, and the commune table reads each commune's target by it.
ALTER TABLE targets ADD COLUMN split_from uuid REFERENCES targets(id);
ALTER TABLE targets ADD CONSTRAINT targets_split_has_unit CHECK (split_from IS NULL OR unit_id IS NOT NULL);
CREATE INDEX targets_split_from ON targets(tenant_id, split_from) WHERE split_from IS NOT NULL;
