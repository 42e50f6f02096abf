-- Commune editors (issue 19): a role scoped to one commune-level unit, as an agency editor is scoped to an agency.
-- The commune is the user's unit; a commune editor enters and submits figures of that unit only, through the same
-- checks and approval workflow as every other figure (an approver approves them).
ALTER TABLE users ADD COLUMN unit_id uuid REFERENCES units(id);
ALTER TABLE user_roles DROP CONSTRAINT IF EXISTS user_roles_role_check;
ALTER TABLE user_roles ADD CONSTRAINT user_roles_role_check
  CHECK (role IN ('admin','plan_owner','agency_editor','approver','reader','inspector','commune_editor'));
CREATE INDEX users_unit ON users (tenant_id, unit_id) WHERE unit_id IS NOT NULL;
