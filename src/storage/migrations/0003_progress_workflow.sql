-- Project progress updates go through the same workflow as task progress reports and observations: a revision is
-- a new row superseding the old one, the old row keeps its figures, and the version column is the ETag.
ALTER TABLE project_progress ADD COLUMN supersedes_id uuid REFERENCES project_progress(id);
ALTER TABLE project_progress ADD COLUMN review_comment text;
ALTER TABLE project_progress ADD COLUMN version integer NOT NULL DEFAULT 1;
CREATE INDEX project_progress_project ON project_progress(tenant_id, project_id);

-- A report is superseded at most once: two racing revisions of one report cannot both land.
CREATE UNIQUE INDEX task_progress_reports_supersedes ON task_progress_reports(supersedes_id) WHERE supersedes_id IS NOT NULL;
CREATE UNIQUE INDEX project_progress_supersedes ON project_progress(supersedes_id) WHERE supersedes_id IS NOT NULL;

-- Only workflow fields of a progress update may change after it is written (same rule as task progress reports).
CREATE FUNCTION project_progress_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW.project_id IS DISTINCT FROM OLD.project_id OR NEW.period IS DISTINCT FROM OLD.period
     OR NEW.physical_planned_percent IS DISTINCT FROM OLD.physical_planned_percent OR NEW.physical_actual_percent IS DISTINCT FROM OLD.physical_actual_percent
     OR NEW.financial_planned IS DISTINCT FROM OLD.financial_planned OR NEW.financial_actual IS DISTINCT FROM OLD.financial_actual
     OR NEW.disbursed IS DISTINCT FROM OLD.disbursed OR NEW.note IS DISTINCT FROM OLD.note OR NEW.supersedes_id IS DISTINCT FROM OLD.supersedes_id THEN
    RAISE EXCEPTION 'project progress updates are append-only' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER project_progress_append_only BEFORE UPDATE OR DELETE ON project_progress
  FOR EACH ROW EXECUTE FUNCTION project_progress_is_append_only();
