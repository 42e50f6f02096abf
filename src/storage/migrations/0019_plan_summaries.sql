-- Each plan's counts (indicators, targets that count, tasks, projects, breakthroughs), kept by the database itself
-- whenever a statement changes a plan's outline, so the plan list reads one row a plan instead of counting five
-- tables a plan on every read (the portal's plan list under a results day's load), and its version (the rows'
-- xmin) changes exactly when a count does. The targets that count are those of plans-repo.ts's EVALUATED_TARGETS
-- (in force, of the plan's own unit, one per indicator and final year, plus composite parents judged from their
-- sub-indicators); a test compares the stored counts with that query after every kind of write.
CREATE TABLE plan_summaries (
  plan_id uuid PRIMARY KEY REFERENCES plans(id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  indicators integer NOT NULL,
  targets integer NOT NULL,
  tasks integer NOT NULL,
  projects integer NOT NULL,
  breakthroughs integer NOT NULL
);

CREATE FUNCTION refresh_plan_summaries(plan_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO plan_summaries (plan_id, tenant_id, indicators, targets, tasks, projects, breakthroughs)
  SELECT p.id, p.tenant_id,
         (SELECT count(*)::int FROM indicators i WHERE i.plan_id = p.id),
         (SELECT count(DISTINCT (x.indicator_id, x.last_year)) FROM targets x
           WHERE x.plan_id = p.id AND x.tenant_id = p.tenant_id AND x.stage = 'in_force'
             AND (x.unit_id IS NULL OR x.unit_id = p.unit_id))::int
         + (SELECT count(*) FROM indicators c
             WHERE c.plan_id = p.id AND c.tenant_id = p.tenant_id AND c.composite_rule = 'all_children_met'
               AND NOT EXISTS (SELECT 1 FROM targets x WHERE x.indicator_id = c.id AND x.stage = 'in_force')
               AND EXISTS (SELECT 1 FROM indicators k JOIN targets x ON x.indicator_id = k.id
                            WHERE k.parent_id = c.id AND x.stage = 'in_force'))::int,
         (SELECT count(*)::int FROM tasks x WHERE x.plan_id = p.id),
         (SELECT count(*)::int FROM projects x WHERE x.plan_id = p.id),
         (SELECT count(*)::int FROM breakthroughs x WHERE x.plan_id = p.id)
    FROM plans p
   WHERE p.id = ANY(plan_ids)
  ON CONFLICT (plan_id) DO UPDATE
    SET tenant_id = EXCLUDED.tenant_id, indicators = EXCLUDED.indicators, targets = EXCLUDED.targets,
        tasks = EXCLUDED.tasks, projects = EXCLUDED.projects, breakthroughs = EXCLUDED.breakthroughs
    -- An unchanged summary keeps its row version (a cached plan list stays valid).
    WHERE (plan_summaries.tenant_id, plan_summaries.indicators, plan_summaries.targets, plan_summaries.tasks,
           plan_summaries.projects, plan_summaries.breakthroughs)
          IS DISTINCT FROM (EXCLUDED.tenant_id, EXCLUDED.indicators, EXCLUDED.targets, EXCLUDED.tasks,
           EXCLUDED.projects, EXCLUDED.breakthroughs)
$$;

-- Once per statement, for the plans its rows belonged to before and after (transition tables).
CREATE FUNCTION plan_summaries_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_plan_summaries(ARRAY(SELECT DISTINCT plan_id FROM new_rows WHERE plan_id IS NOT NULL));
  RETURN NULL;
END $$;
CREATE FUNCTION plan_summaries_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_plan_summaries(ARRAY(SELECT plan_id FROM new_rows WHERE plan_id IS NOT NULL
                                       UNION SELECT plan_id FROM old_rows WHERE plan_id IS NOT NULL));
  RETURN NULL;
END $$;
CREATE FUNCTION plan_summaries_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_plan_summaries(ARRAY(SELECT DISTINCT plan_id FROM old_rows WHERE plan_id IS NOT NULL));
  RETURN NULL;
END $$;
-- A plan's own row: made with the plan, and counted again when the plan changes (its unit decides which targets count).
CREATE FUNCTION plan_summaries_after_plan_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_plan_summaries(ARRAY(SELECT id FROM new_rows));
  RETURN NULL;
END $$;

CREATE TRIGGER plan_summaries_plan_insert AFTER INSERT ON plans
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_summaries_after_plan_write();
CREATE TRIGGER plan_summaries_plan_update AFTER UPDATE ON plans
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_summaries_after_plan_write();

CREATE TRIGGER plan_summaries_indicators_insert AFTER INSERT ON indicators
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_summaries_after_insert();
CREATE TRIGGER plan_summaries_indicators_update AFTER UPDATE ON indicators
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_summaries_after_update();
CREATE TRIGGER plan_summaries_indicators_delete AFTER DELETE ON indicators
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_summaries_after_delete();

CREATE TRIGGER plan_summaries_targets_insert AFTER INSERT ON targets
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_summaries_after_insert();
CREATE TRIGGER plan_summaries_targets_update AFTER UPDATE ON targets
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_summaries_after_update();
CREATE TRIGGER plan_summaries_targets_delete AFTER DELETE ON targets
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_summaries_after_delete();

CREATE TRIGGER plan_summaries_tasks_insert AFTER INSERT ON tasks
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_summaries_after_insert();
CREATE TRIGGER plan_summaries_tasks_update AFTER UPDATE ON tasks
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_summaries_after_update();
CREATE TRIGGER plan_summaries_tasks_delete AFTER DELETE ON tasks
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_summaries_after_delete();

CREATE TRIGGER plan_summaries_projects_insert AFTER INSERT ON projects
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_summaries_after_insert();
CREATE TRIGGER plan_summaries_projects_update AFTER UPDATE ON projects
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_summaries_after_update();
CREATE TRIGGER plan_summaries_projects_delete AFTER DELETE ON projects
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_summaries_after_delete();

CREATE TRIGGER plan_summaries_breakthroughs_insert AFTER INSERT ON breakthroughs
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_summaries_after_insert();
CREATE TRIGGER plan_summaries_breakthroughs_update AFTER UPDATE ON breakthroughs
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_summaries_after_update();
CREATE TRIGGER plan_summaries_breakthroughs_delete AFTER DELETE ON breakthroughs
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_summaries_after_delete();

SELECT refresh_plan_summaries(ARRAY(SELECT id FROM plans));
