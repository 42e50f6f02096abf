-- The whole domain of PRODUCT.md. Every table carries tenant_id: the province/city that owns the row, so one
-- deployment can serve the whole country. Ids are UUIDs (stable across exports and merges of databases).
-- Exact figures are numeric, never float. Text is stored NFC (normalised by the services before writing).

CREATE TABLE tenants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid GENERATED ALWAYS AS (id) STORED,
  code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text NOT NULL,
  unit_code text,
  settings jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Legal and planning documents: the congress resolution, action programme, HĐND five-year and annual plans,
-- Government-assigned yearly targets, decrees that set rule parameters (cut-offs, wording, code lists).
CREATE TABLE documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  -- congress_resolution, action_programme, five_year_plan, annual_plan, government_target, law_resolution, decree …
  -- (the vocabulary lives in core/legal; the database only keeps it well-formed)
  kind text NOT NULL CHECK (kind ~ '^[a-z][a-z_]{1,40}$'),
  number text,
  issued_on date,
  issuer text,
  title text NOT NULL,
  url text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX documents_tenant ON documents(tenant_id);

-- Administrative units with official codes (QĐ 19/2025/QĐ-TTg: province 2 digits, commune 5 digits, text with
-- leading zeros) and validity dates. A code is held by one unit at a time and never reassigned once closed.
CREATE TABLE units (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  code text NOT NULL CHECK (code ~ '^([0-9]{2}|[0-9]{5})$'),
  name text NOT NULL,
  level text NOT NULL CHECK (level IN ('province','commune','ward','special_zone','district')),
  parent_id uuid REFERENCES units(id),
  -- null: held since before the records chitieu has (the founding date is not in the source)
  valid_from date,
  valid_to date,
  attributes jsonb NOT NULL DEFAULT '{}',
  provenance jsonb,
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
);
CREATE UNIQUE INDEX units_code_from ON units(tenant_id, code, coalesce(valid_from, '-infinity'::date));
CREATE INDEX units_tenant ON units(tenant_id);

CREATE TABLE unit_lineage (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  from_unit_id uuid NOT NULL REFERENCES units(id),
  to_unit_id uuid NOT NULL REFERENCES units(id),
  event text NOT NULL CHECK (event IN ('merged_into','split_from','renamed','recoded')),
  effective_on date NOT NULL,
  document_id uuid REFERENCES documents(id),
  provenance jsonb
);
CREATE INDEX unit_lineage_tenant ON unit_lineage(tenant_id);

CREATE TABLE agencies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  code text NOT NULL,
  name text NOT NULL,
  kind text NOT NULL DEFAULT 'department',
  parent_id uuid REFERENCES agencies(id),
  unit_id uuid REFERENCES units(id),
  provenance jsonb,
  UNIQUE (tenant_id, code)
);

CREATE TABLE plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  code text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,80}$'),
  name text NOT NULL,
  description text,
  unit_id uuid REFERENCES units(id),
  first_year integer NOT NULL,
  last_year integer NOT NULL,
  document_id uuid REFERENCES documents(id),
  -- display convention (exceeded shown as Vượt or folded into Đạt), progress method, verdict wording, rule set
  settings jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('draft','active','closed')),
  provenance jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code),
  CHECK (last_year >= first_year)
);

CREATE TABLE indicators (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  plan_id uuid REFERENCES plans(id),
  parent_id uuid REFERENCES indicators(id),
  code text NOT NULL,
  name text NOT NULL,
  unit_of_measure text NOT NULL DEFAULT '',
  group_code text,
  definition text,
  data_source text,
  frequency text NOT NULL DEFAULT 'year' CHECK (frequency IN ('month','quarter','half','nine_months','year','term')),
  direction text NOT NULL DEFAULT 'higher_better' CHECK (direction IN ('higher_better','lower_better','band')),
  measure text NOT NULL DEFAULT 'level' CHECK (measure IN ('level','growth_rate','flow','rank','share','count','done')),
  price_basis text NOT NULL DEFAULT 'none' CHECK (price_basis IN ('current','comparable_2010','comparable_2020','usd_current','none')),
  aggregation_over_units text NOT NULL DEFAULT 'sum',
  aggregation_over_time text NOT NULL DEFAULT 'last',
  composite_rule text CHECK (composite_rule IN ('all_children_met','own_target')),
  owner_agency_id uuid REFERENCES agencies(id),
  tier text NOT NULL DEFAULT 'strategic' CHECK (tier IN ('strategic','operational')),
  -- codes in other catalogues: national set (QĐ 293/QĐ-TTg), provincial steering set, statistics office
  external_codes jsonb NOT NULL DEFAULT '{}',
  sort_order integer NOT NULL DEFAULT 0,
  provenance jsonb,
  UNIQUE (tenant_id, plan_id, code)
);
CREATE INDEX indicators_plan ON indicators(tenant_id, plan_id);

CREATE TABLE targets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  plan_id uuid NOT NULL REFERENCES plans(id),
  indicator_id uuid NOT NULL REFERENCES indicators(id),
  unit_id uuid REFERENCES units(id),
  -- the document that set the target (plan chain); null = the plan's own document
  document_id uuid REFERENCES documents(id),
  kind text NOT NULL CHECK (kind IN ('growth_average','level_at_end','range_at_end','threshold','cumulative','yearly_flow','units_meeting_standard','rank','multiple_of_baseline','milestone')),
  spec jsonb NOT NULL,
  text text NOT NULL,
  first_year integer NOT NULL,
  last_year integer NOT NULL,
  sort_order integer NOT NULL DEFAULT 0,
  provenance jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX targets_plan ON targets(tenant_id, plan_id);
CREATE INDEX targets_indicator ON targets(tenant_id, indicator_id);

-- Yearly milestones of a target, each from the annual document that set it.
CREATE TABLE target_milestones (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  target_id uuid NOT NULL REFERENCES targets(id),
  year integer NOT NULL,
  value numeric NOT NULL,
  max_value numeric,
  document_id uuid REFERENCES documents(id),
  UNIQUE (tenant_id, target_id, year, document_id)
);

-- An observation is the slot (indicator, unit, period); its values are versions (vintages and corrections),
-- append-only. `version` increments on every change and is the ETag for optimistic concurrency.
CREATE TABLE observations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  indicator_id uuid NOT NULL REFERENCES indicators(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  period text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, indicator_id, unit_id, period)
);

CREATE TABLE observation_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  observation_id uuid NOT NULL REFERENCES observations(id),
  seq integer NOT NULL,
  -- null only when the figure was published as a bound or a range ("< 3,5", "87-88"): see value_qualifier
  value numeric,
  value_qualifier jsonb,
  value_text text,
  -- vintage: ước tính (estimate, lần 1/2…), sơ bộ (preliminary), chính thức (official)
  status text NOT NULL CHECK (status IN ('estimate','preliminary','official')),
  vintage_label text,
  -- a vintage is a new figure from the producer; a correction fixes a mistake in a stored one
  change_kind text NOT NULL DEFAULT 'vintage' CHECK (change_kind IN ('vintage','correction')),
  measure text NOT NULL DEFAULT 'level',
  price_basis text NOT NULL DEFAULT 'none',
  source_document_id uuid REFERENCES documents(id),
  source_text text,
  published_on date,
  evidence_url text,
  -- statistical (statistics office) figures take precedence over administrative (agency-reported) ones
  data_type text NOT NULL DEFAULT 'administrative' CHECK (data_type IN ('statistical','administrative')),
  workflow_state text NOT NULL DEFAULT 'draft' CHECK (workflow_state IN ('draft','submitted','approved','returned')),
  reason text,
  entered_by uuid,
  entered_at timestamptz NOT NULL DEFAULT now(),
  approved_by uuid,
  approved_at timestamptz,
  provenance jsonb,
  UNIQUE (observation_id, seq),
  CHECK (value IS NOT NULL OR value_qualifier IS NOT NULL)
);
CREATE INDEX observation_versions_obs ON observation_versions(tenant_id, observation_id);

-- Workflow steps (submit, return with comment, approve, revise) of a version.
CREATE TABLE observation_reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  observation_id uuid NOT NULL REFERENCES observations(id),
  version_id uuid NOT NULL REFERENCES observation_versions(id),
  action text NOT NULL CHECK (action IN ('create','submit','return','approve','revise')),
  comment text,
  actor_id uuid,
  at timestamptz NOT NULL DEFAULT now()
);

-- Evaluations are derived, never typed in: stored as dated snapshots naming the vintages they rest on.
CREATE TABLE evaluations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  target_id uuid NOT NULL REFERENCES targets(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  as_of date NOT NULL,
  data_basis text NOT NULL CHECK (data_basis IN ('approved','all')),
  status text NOT NULL,
  actual_value numeric,
  result jsonb NOT NULL,
  input_version_ids uuid[] NOT NULL DEFAULT '{}',
  computed_at timestamptz NOT NULL DEFAULT now(),
  computed_by uuid
);
CREATE INDEX evaluations_target ON evaluations(tenant_id, target_id, computed_at);

-- What changed when later vintages arrived: one row per verdict or value that moved.
CREATE TABLE evaluation_changes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  target_id uuid NOT NULL REFERENCES targets(id),
  before_evaluation_id uuid REFERENCES evaluations(id),
  after_evaluation_id uuid NOT NULL REFERENCES evaluations(id),
  old_status text,
  new_status text NOT NULL,
  old_value numeric,
  new_value numeric,
  cause_version_id uuid REFERENCES observation_versions(id),
  at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE evaluation_overrides (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  target_id uuid NOT NULL REFERENCES targets(id),
  unit_id uuid REFERENCES units(id),
  status text NOT NULL,
  reason text NOT NULL CHECK (length(reason) > 0),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

-- Tasks and solutions: the resolution's outline (1, 1.1, 1.1.1 …) with the "5 rõ" (clear work, owner,
-- resources, deadline, responsibility) and progress reports (08-QC/TW fields).
CREATE TABLE tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  plan_id uuid NOT NULL REFERENCES plans(id),
  parent_id uuid REFERENCES tasks(id),
  code text NOT NULL,
  title text NOT NULL,
  body text,
  owner_agency_id uuid REFERENCES agencies(id),
  resources text,
  deadline date,
  responsibility text,
  status text NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started','in_progress','done','overdue','cancelled')),
  assigning_document_id uuid REFERENCES documents(id),
  sort_order integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  provenance jsonb,
  UNIQUE (tenant_id, plan_id, code)
);

CREATE TABLE task_agencies (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  task_id uuid NOT NULL REFERENCES tasks(id),
  agency_id uuid NOT NULL REFERENCES agencies(id),
  role text NOT NULL CHECK (role IN ('lead','coordinate')),
  PRIMARY KEY (task_id, agency_id)
);

CREATE TABLE task_indicators (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  task_id uuid NOT NULL REFERENCES tasks(id),
  indicator_id uuid NOT NULL REFERENCES indicators(id),
  PRIMARY KEY (task_id, indicator_id)
);

CREATE TABLE task_progress_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  task_id uuid NOT NULL REFERENCES tasks(id),
  period text NOT NULL,
  progress_percent numeric CHECK (progress_percent BETWEEN 0 AND 100),
  narrative text NOT NULL,
  evidence_url text,
  workflow_state text NOT NULL DEFAULT 'draft' CHECK (workflow_state IN ('draft','submitted','approved','returned')),
  review_comment text,
  entered_by uuid,
  entered_at timestamptz NOT NULL DEFAULT now(),
  approved_by uuid,
  approved_at timestamptz,
  version integer NOT NULL DEFAULT 1
);

CREATE TABLE breakthroughs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  plan_id uuid NOT NULL REFERENCES plans(id),
  code text NOT NULL,
  title text NOT NULL,
  body text,
  sort_order integer NOT NULL DEFAULT 0,
  provenance jsonb,
  UNIQUE (tenant_id, plan_id, code)
);

CREATE TABLE breakthrough_links (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  breakthrough_id uuid NOT NULL REFERENCES breakthroughs(id),
  entity text NOT NULL CHECK (entity IN ('task','project','indicator')),
  entity_id uuid NOT NULL,
  PRIMARY KEY (breakthrough_id, entity, entity_id)
);

-- Key projects, with fields aligned to OC4IDS 0.9 (project: id, title, description, status, type, sector,
-- purpose, budget, period, publicAuthority, parties, milestones, completion) so they export as OC4IDS.
CREATE TABLE projects (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  plan_id uuid REFERENCES plans(id),
  list_no integer,
  code text NOT NULL,
  title text NOT NULL,
  description text,
  role text NOT NULL DEFAULT 'lead' CHECK (role IN ('lead','coordinate')),
  owner_agency_id uuid REFERENCES agencies(id),
  -- OC4IDS projectStatus codelist
  status text NOT NULL DEFAULT 'identification' CHECK (status IN ('identification','preparation','implementation','completion','completed','cancelled')),
  -- OC4IDS projectType codelist
  project_type text CHECK (project_type IN ('construction','rehabilitation','replacement','decommissioning','expansion')),
  sector text,
  purpose text,
  budget_amount numeric,
  budget_currency text DEFAULT 'VND',
  capital_source text,
  location_text text,
  period_start date,
  period_end date,
  version integer NOT NULL DEFAULT 1,
  provenance jsonb,
  UNIQUE (tenant_id, plan_id, code)
);

CREATE TABLE project_milestones (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  project_id uuid NOT NULL REFERENCES projects(id),
  code text NOT NULL,
  title text NOT NULL,
  -- OC4IDS milestoneType / milestoneStatus
  milestone_type text,
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled','met','notMet','partiallyMet')),
  due_date date,
  date_met date
);

CREATE TABLE project_progress (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  project_id uuid NOT NULL REFERENCES projects(id),
  period text NOT NULL,
  physical_planned_percent numeric,
  physical_actual_percent numeric,
  financial_planned numeric,
  financial_actual numeric,
  disbursed numeric,
  note text,
  workflow_state text NOT NULL DEFAULT 'draft' CHECK (workflow_state IN ('draft','submitted','approved','returned')),
  entered_by uuid,
  entered_at timestamptz NOT NULL DEFAULT now(),
  approved_by uuid,
  approved_at timestamptz
);

-- Inconsistencies found in sources, attached to the figure they concern; never silently resolved.
CREATE TABLE quality_notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  entity text NOT NULL,
  entity_id uuid NOT NULL,
  kind text NOT NULL DEFAULT 'data_quality',
  text text NOT NULL,
  provenance jsonb
);
CREATE INDEX quality_notes_entity ON quality_notes(tenant_id, entity, entity_id);

-- Explicit, sourced conversions between price bases (never implicit).
CREATE TABLE price_basis_conversions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  indicator_id uuid NOT NULL REFERENCES indicators(id),
  from_basis text NOT NULL,
  to_basis text NOT NULL,
  factor numeric NOT NULL,
  source_document_id uuid REFERENCES documents(id),
  source_text text NOT NULL
);

-- Rule parameters that come from law (cut-off days, deadlines, wording, code list version), each with its document.
CREATE TABLE rule_sets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  kind text NOT NULL,
  params jsonb NOT NULL,
  document_id uuid REFERENCES documents(id),
  valid_from date NOT NULL,
  valid_to date
);

CREATE TABLE evidence_files (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  storage_key text NOT NULL,
  filename text NOT NULL,
  media_type text NOT NULL,
  size_bytes integer NOT NULL,
  sha256 text NOT NULL,
  uploaded_by uuid,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  email text NOT NULL UNIQUE,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  agency_id uuid REFERENCES agencies(id),
  locale text NOT NULL DEFAULT 'vi' CHECK (locale IN ('vi','en')),
  active boolean NOT NULL DEFAULT true,
  must_change_password boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_roles (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  user_id uuid NOT NULL REFERENCES users(id),
  role text NOT NULL CHECK (role IN ('admin','plan_owner','agency_editor','approver','reader','inspector')),
  PRIMARY KEY (user_id, role)
);

CREATE TABLE sessions (
  id text PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  user_id uuid NOT NULL REFERENCES users(id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user ON sessions(user_id);

-- Append-only record of every change: who, when, what (before/after), why. Written in the same transaction as the
-- change itself; a trigger refuses UPDATE and DELETE.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  actor_label text NOT NULL,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  before jsonb,
  after jsonb,
  reason text,
  request_id text
);
CREATE INDEX audit_log_entity ON audit_log(tenant_id, entity, entity_id);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

CREATE FUNCTION observation_versions_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Only workflow fields may move (submit/approve/return); the figure itself never changes in place.
  IF TG_OP = 'DELETE' OR NEW.value IS DISTINCT FROM OLD.value OR NEW.status IS DISTINCT FROM OLD.status
     OR NEW.observation_id IS DISTINCT FROM OLD.observation_id OR NEW.seq IS DISTINCT FROM OLD.seq THEN
    RAISE EXCEPTION 'observation versions are append-only' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER observation_versions_append_only BEFORE UPDATE OR DELETE ON observation_versions
  FOR EACH ROW EXECUTE FUNCTION observation_versions_are_append_only();

-- Background work (report generation, large imports) kept in the database, with retries; the UI polls status.
CREATE TABLE jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','running','succeeded','failed')),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 3,
  progress numeric NOT NULL DEFAULT 0,
  run_after timestamptz NOT NULL DEFAULT now(),
  result jsonb,
  error jsonb,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX jobs_queue ON jobs(status, run_after);
