// SQL of the stories behind the numbers (target_stories): append-only versions per target and period.
import type { Queryable } from '../db.ts';

export interface StoryRow {
  [k: string]: unknown;
  id: string;
  target_id: string;
  indicator_code: string;
  period: string;
  seq: number;
  cause: string;
  measures: string;
  requests: string | null;
  author_id: string | null;
  author_name: string | null;
  created_at: string | Date;
}

export interface StoryTargetRow {
  [k: string]: unknown;
  id: string;
  plan_id: string;
  indicator_id: string;
  owner_agency_id: string | null;
  /** The target's unit (the plan's when the target names none). */
  unit_id: string | null;
}

export async function findStoryTarget(
  db: Queryable,
  tenantId: string,
  targetId: string,
): Promise<StoryTargetRow | null> {
  const rows = await db.query<StoryTargetRow>(
    `SELECT t.id, t.plan_id, t.indicator_id, i.owner_agency_id, coalesce(t.unit_id, p.unit_id) AS unit_id
       FROM targets t JOIN indicators i ON i.id = t.indicator_id AND i.tenant_id = t.tenant_id
       JOIN plans p ON p.id = t.plan_id AND p.tenant_id = t.tenant_id
      WHERE t.tenant_id = $1 AND t.id = $2`,
    [tenantId, targetId],
  );
  return rows[0] ?? null;
}

/** Appends a version; the next seq is taken under the unique key, so two racing writers cannot share one. */
export async function insertStory(
  db: Queryable,
  s: {
    tenantId: string;
    targetId: string;
    period: string;
    cause: string;
    measures: string;
    requests: string | null;
    authorId: string | null;
  },
): Promise<{ id: string; seq: number }> {
  const rows = await db.query<{ id: string; seq: number }>(
    `INSERT INTO target_stories (tenant_id, target_id, period, seq, cause, measures, requests, author_id)
     SELECT $1, $2, $3, COALESCE(MAX(seq), 0) + 1, $4, $5, $6, $7
       FROM target_stories WHERE tenant_id = $1 AND target_id = $2 AND period = $3
     RETURNING id, seq`,
    [s.tenantId, s.targetId, s.period, s.cause, s.measures, s.requests, s.authorId],
  );
  const row = rows[0];
  if (!row) throw new Error('story insert returned no row');
  return row;
}

/** Every version of the stories of a plan's targets (optionally one target), newest first. */
export async function listPlanStories(
  db: Queryable,
  tenantId: string,
  planId: string,
  targetId: string | null,
): Promise<StoryRow[]> {
  return db.query<StoryRow>(
    `SELECT s.id, s.target_id, i.code AS indicator_code, s.period, s.seq, s.cause, s.measures, s.requests,
            s.author_id, u.display_name AS author_name, s.created_at
       FROM target_stories s
       JOIN targets t ON t.id = s.target_id AND t.tenant_id = s.tenant_id
       JOIN indicators i ON i.id = t.indicator_id
       LEFT JOIN users u ON u.id = s.author_id
      WHERE s.tenant_id = $1 AND t.plan_id = $2 AND ($3::uuid IS NULL OR s.target_id = $3::uuid)
      ORDER BY s.target_id, s.period DESC, s.seq DESC`,
    [tenantId, planId, targetId],
  );
}

/** The targets among these that have a story for the period. */
export async function targetsWithStory(
  db: Queryable,
  tenantId: string,
  targetIds: string[],
  period: string,
): Promise<Set<string>> {
  if (targetIds.length === 0) return new Set();
  const rows = await db.query<{ target_id: string }>(
    `SELECT DISTINCT target_id FROM target_stories WHERE tenant_id = $1 AND target_id = ANY($2) AND period = $3`,
    [tenantId, targetIds, period],
  );
  return new Set(rows.map((r) => r.target_id));
}
