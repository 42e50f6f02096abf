-- Requests for explanation (yêu cầu giải trình), in-app notifications, leaders' saved views, and which evidence file
-- belongs to which progress report. Every table carries tenant_id and every query filters by it.

-- A leader asks the agency that owns a target, task or project to explain it, by a deadline; the agency answers in
-- place. The row keeps both dates, so the round trip reads from it; an answer is written once.
CREATE TABLE explanation_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  item_kind text NOT NULL CHECK (item_kind IN ('target','task','project')),
  item_id uuid NOT NULL,
  agency_id uuid NOT NULL REFERENCES agencies(id),
  question text NOT NULL CHECK (length(question) BETWEEN 1 AND 5000),
  deadline date NOT NULL,
  requested_by uuid REFERENCES users(id),
  requested_at timestamptz NOT NULL DEFAULT now(),
  answer text CHECK (answer IS NULL OR length(answer) BETWEEN 1 AND 10000),
  answered_by uuid REFERENCES users(id),
  answered_at timestamptz,
  CHECK ((answer IS NULL) = (answered_at IS NULL))
);
CREATE INDEX explanation_requests_item ON explanation_requests(tenant_id, item_kind, item_id);
CREATE INDEX explanation_requests_agency ON explanation_requests(tenant_id, agency_id, deadline);

-- Notifications are per user: one to an agency is written once for each of its active users at the time.
CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  user_id uuid NOT NULL REFERENCES users(id),
  kind text NOT NULL CHECK (kind IN ('figure_returned','report_returned','report_approved','approval_due','explanation_requested','explanation_answered')),
  subject text NOT NULL,
  link text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  emailed_at timestamptz
);
CREATE INDEX notifications_user ON notifications(tenant_id, user_id, created_at DESC);

-- A leader's pinned and ordered targets, projects and tasks; readable by anyone of the tenant with its link.
CREATE TABLE saved_views (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  user_id uuid NOT NULL REFERENCES users(id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  items jsonb NOT NULL DEFAULT '[]',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX saved_views_user ON saved_views(tenant_id, user_id);

-- Where an evidence file is kept (the provider chosen in configuration) and which report it supports.
ALTER TABLE evidence_files ADD COLUMN provider text NOT NULL DEFAULT 'local';
CREATE TABLE progress_evidence (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  report_kind text NOT NULL CHECK (report_kind IN ('task','project')),
  report_id uuid NOT NULL,
  evidence_id uuid NOT NULL REFERENCES evidence_files(id),
  PRIMARY KEY (report_kind, report_id, evidence_id)
);
CREATE INDEX progress_evidence_tenant ON progress_evidence(tenant_id, report_kind, report_id);
