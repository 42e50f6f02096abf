-- A plan's own documents as provenance (resolution, five-year plan, statistical releases, press articles, web pages),
-- each cited with a place (page, line, paragraph, quote) by the targets and figures that come from it; the stage of a
-- target in the plan chain (draft, in force, superseded by a later document) so only the one in force counts; the
-- term-average kind.

ALTER TABLE documents ADD COLUMN plan_id uuid REFERENCES plans(id);
-- the dataset's own name of the document ("nq-dai-hoi-xx"), unique within its plan
ALTER TABLE documents ADD COLUMN code text CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,80}$');
ALTER TABLE documents ADD COLUMN file text;
ALTER TABLE documents ADD COLUMN publisher text;
CREATE UNIQUE INDEX documents_plan_code ON documents(tenant_id, plan_id, code) WHERE code IS NOT NULL;

ALTER TABLE targets DROP CONSTRAINT targets_kind_check;
ALTER TABLE targets ADD CONSTRAINT targets_kind_check CHECK (kind IN ('growth_average','level_at_end','range_at_end','threshold','cumulative','yearly_flow','units_meeting_standard','rank','multiple_of_baseline','milestone','term_average'));
ALTER TABLE targets ADD COLUMN stage text NOT NULL DEFAULT 'in_force' CHECK (stage IN ('draft','in_force','superseded'));
-- a superseded target: the target that replaced it, the document that did, and from when
ALTER TABLE targets ADD COLUMN superseded_by uuid REFERENCES targets(id);
ALTER TABLE targets ADD COLUMN revised_by_document_id uuid REFERENCES documents(id);
ALTER TABLE targets ADD COLUMN superseded_on date;
-- where in its document the target is written: { document, page?, line?, paragraph?, quote? }
ALTER TABLE targets ADD COLUMN citation jsonb;
-- spec fields not written as digits in the text, each with the reason ({ "factor": "giảm 4/5 leaves 1/5" })
ALTER TABLE targets ADD COLUMN derived jsonb;
ALTER TABLE targets ADD CONSTRAINT targets_superseded_has_successor
  CHECK (stage <> 'superseded' OR superseded_on IS NOT NULL);
CREATE INDEX targets_in_force ON targets(tenant_id, plan_id) WHERE stage = 'in_force';
