-- The story behind a number (nguyên nhân / giải pháp / kiến nghị): why a target is off track, at risk or not met in a
-- period, what is being done and what is asked of others. A story is never edited: each telling is a new version
-- (seq) with its author and time, so the history stays; the newest version of a (target, period) is the current one.
CREATE TABLE target_stories (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  target_id uuid NOT NULL REFERENCES targets(id),
  period text NOT NULL CHECK (length(period) BETWEEN 4 AND 12),
  seq integer NOT NULL CHECK (seq >= 1),
  cause text NOT NULL CHECK (length(btrim(cause)) > 0),
  measures text NOT NULL CHECK (length(btrim(measures)) > 0),
  requests text,
  author_id uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, target_id, period, seq)
);
CREATE INDEX target_stories_target ON target_stories(tenant_id, target_id, period);

CREATE FUNCTION target_stories_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'target stories are append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER target_stories_append_only BEFORE UPDATE OR DELETE ON target_stories
  FOR EACH ROW EXECUTE FUNCTION target_stories_are_append_only();
