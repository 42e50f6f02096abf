-- Accounts and the data-entry workflow of the public API.

-- Failed logins, counted in the database rather than in memory: the count survives a restart and is shared by
-- every server process on one PostgreSQL database, so an attacker cannot reset it by hitting another process.
-- `key` is 'account:<email>' or 'address:<ip>'. Not tenant data: a login happens before a tenant is known.
CREATE TABLE login_failures (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_key_at ON login_failures(key, at);

-- sessions.id holds the SHA-256 of the session token, never the token: a leaked table opens no session.
COMMENT ON COLUMN sessions.id IS 'SHA-256 (hex) of the session token';

-- A progress report is revised by a new report that supersedes it, never edited in place.
ALTER TABLE task_progress_reports ADD COLUMN supersedes_id uuid REFERENCES task_progress_reports(id);
CREATE INDEX task_progress_reports_task ON task_progress_reports(tenant_id, task_id);

-- Only workflow fields of a progress report may change after it is written (same rule as observation versions).
CREATE FUNCTION task_progress_reports_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW.progress_percent IS DISTINCT FROM OLD.progress_percent OR NEW.narrative IS DISTINCT FROM OLD.narrative
     OR NEW.period IS DISTINCT FROM OLD.period OR NEW.task_id IS DISTINCT FROM OLD.task_id THEN
    RAISE EXCEPTION 'task progress reports are append-only' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER task_progress_reports_append_only BEFORE UPDATE OR DELETE ON task_progress_reports
  FOR EACH ROW EXECUTE FUNCTION task_progress_reports_are_append_only();
