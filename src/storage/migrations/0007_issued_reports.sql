-- Issued reports are frozen: the file exactly as it was handed out (bytes in the database, in the same transaction
-- and backup as the figures it was made from; a results table is tens of kilobytes) and the snapshot of the verdicts
-- it printed, so the app can list what changed since it was issued. Never updated, never deleted.
CREATE TABLE issued_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  plan_id uuid NOT NULL REFERENCES plans(id),
  kind text NOT NULL CHECK (kind IN ('results','status')),
  format text NOT NULL CHECK (format IN ('xlsx','docx','pdf')),
  as_of date NOT NULL,
  data_basis text NOT NULL CHECK (data_basis IN ('approved','all')),
  published_on date,
  title text NOT NULL,
  file_name text NOT NULL,
  media_type text NOT NULL,
  bytes bytea NOT NULL,
  sha256 text NOT NULL,
  -- one entry per evaluated row: code, target id, verdict status and printed words, figures as printed
  snapshot jsonb NOT NULL,
  issued_by uuid,
  issued_by_label text NOT NULL,
  issued_at timestamptz NOT NULL DEFAULT now(),
  note text
);
CREATE INDEX issued_reports_plan ON issued_reports(tenant_id, plan_id, issued_at);
