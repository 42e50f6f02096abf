-- The version of one indicator's figures (the indicator page's list, which the API keeps ready for the public like
-- the plan evaluations): a row per indicator, rewritten by the database itself after every statement that inserts,
-- changes or deletes one of its figures, a version of one (entered, submitted, approved, withdrawn, a vintage) or a
-- figure's note, whichever process ran it. Its xmin therefore changes with every such write and is read, with the
-- indicator's, its tenant's, its plan's, its units' and agencies' own row versions, by figureListVersion
-- (observations-repo.ts) on every public read of a kept page. Rows are made on the first write (none at migration:
-- an indicator without a row simply has had no figure written since).
CREATE TABLE figure_list_versions (
  indicator_id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  writes bigint NOT NULL DEFAULT 1
);

-- Rewrites the rows of these indicators, in id order (two statements touching the same indicators lock them in the
-- same order).
CREATE FUNCTION touch_figure_lists(indicator_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO figure_list_versions (indicator_id, tenant_id)
  SELECT i.id, i.tenant_id FROM indicators i WHERE i.id = ANY(indicator_ids) ORDER BY i.id
  ON CONFLICT (indicator_id) DO UPDATE SET writes = figure_list_versions.writes + 1
$$;

-- Once per statement, for the indicators its rows belonged to before and after (transition tables).
CREATE FUNCTION figure_lists_after_observations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM touch_figure_lists(ARRAY(SELECT DISTINCT indicator_id FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM touch_figure_lists(ARRAY(SELECT indicator_id FROM new_rows UNION SELECT indicator_id FROM old_rows));
  ELSE
    PERFORM touch_figure_lists(ARRAY(SELECT DISTINCT indicator_id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;
CREATE FUNCTION figure_lists_after_versions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM touch_figure_lists(ARRAY(SELECT DISTINCT o.indicator_id FROM new_rows n JOIN observations o ON o.id = n.observation_id));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM touch_figure_lists(ARRAY(
      SELECT o.indicator_id FROM new_rows n JOIN observations o ON o.id = n.observation_id
      UNION SELECT o.indicator_id FROM old_rows n JOIN observations o ON o.id = n.observation_id));
  ELSE
    PERFORM touch_figure_lists(ARRAY(SELECT DISTINCT o.indicator_id FROM old_rows n JOIN observations o ON o.id = n.observation_id));
  END IF;
  RETURN NULL;
END $$;
CREATE FUNCTION figure_lists_after_notes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM touch_figure_lists(ARRAY(SELECT DISTINCT o.indicator_id FROM new_rows n JOIN observations o ON o.id = n.entity_id
                                      WHERE n.entity = 'observation'));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM touch_figure_lists(ARRAY(
      SELECT o.indicator_id FROM new_rows n JOIN observations o ON o.id = n.entity_id WHERE n.entity = 'observation'
      UNION SELECT o.indicator_id FROM old_rows n JOIN observations o ON o.id = n.entity_id WHERE n.entity = 'observation'));
  ELSE
    PERFORM touch_figure_lists(ARRAY(SELECT DISTINCT o.indicator_id FROM old_rows n JOIN observations o ON o.id = n.entity_id
                                      WHERE n.entity = 'observation'));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER figure_lists_observations_insert AFTER INSERT ON observations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figure_lists_after_observations();
CREATE TRIGGER figure_lists_observations_update AFTER UPDATE ON observations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figure_lists_after_observations();
CREATE TRIGGER figure_lists_observations_delete AFTER DELETE ON observations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION figure_lists_after_observations();

CREATE TRIGGER figure_lists_versions_insert AFTER INSERT ON observation_versions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figure_lists_after_versions();
CREATE TRIGGER figure_lists_versions_update AFTER UPDATE ON observation_versions
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figure_lists_after_versions();
CREATE TRIGGER figure_lists_versions_delete AFTER DELETE ON observation_versions
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION figure_lists_after_versions();

CREATE TRIGGER figure_lists_notes_insert AFTER INSERT ON quality_notes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figure_lists_after_notes();
CREATE TRIGGER figure_lists_notes_update AFTER UPDATE ON quality_notes
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figure_lists_after_notes();
CREATE TRIGGER figure_lists_notes_delete AFTER DELETE ON quality_notes
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION figure_lists_after_notes();
