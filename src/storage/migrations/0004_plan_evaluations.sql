-- The current evaluation of each plan on approved figures, computed when an input changes (approval, vintage,
-- override, target or unit edit) in that write's transaction and read as it is: reads never recompute it. It holds
-- the core rows (no printed words: those are applied when read), their schema version and a digest for the ETag.
CREATE TABLE plan_evaluations (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  plan_id uuid NOT NULL REFERENCES plans(id),
  schema_version integer NOT NULL,
  as_of date NOT NULL,
  rows jsonb NOT NULL,
  counts jsonb NOT NULL,
  digest text NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, plan_id)
);

