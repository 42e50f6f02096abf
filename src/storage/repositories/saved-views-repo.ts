// Leaders' saved views as stored: a name and an ordered list of pinned items, per user.
import type { ItemKind } from '../../core/vocabulary.ts';
import type { Queryable } from '../db.ts';

export interface ViewItem {
  kind: ItemKind;
  id: string;
}

export interface SavedViewRow {
  [k: string]: unknown;
  id: string;
  user_id: string;
  owner_name: string;
  name: string;
  items: ViewItem[];
  version: number;
  updated_at: string;
}

const SELECT = `SELECT v.id, v.user_id, u.display_name AS owner_name, v.name, v.items, v.version, v.updated_at::text AS updated_at
  FROM saved_views v JOIN users u ON u.id = v.user_id`;

export async function listViewsOf(db: Queryable, tenantId: string, userId: string): Promise<SavedViewRow[]> {
  return db.query<SavedViewRow>(`${SELECT} WHERE v.tenant_id = $1 AND v.user_id = $2 ORDER BY v.name, v.id`, [
    tenantId,
    userId,
  ]);
}

export async function findView(
  db: Queryable,
  tenantId: string,
  id: string,
  lock = false,
): Promise<SavedViewRow | null> {
  return (
    (
      await db.query<SavedViewRow>(`${SELECT} WHERE v.tenant_id = $1 AND v.id = $2${lock ? ' FOR UPDATE OF v' : ''}`, [
        tenantId,
        id,
      ])
    )[0] ?? null
  );
}

export async function insertView(
  db: Queryable,
  v: { tenantId: string; userId: string; name: string; items: ViewItem[]; at: Date },
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    'INSERT INTO saved_views (tenant_id, user_id, name, items, created_at, updated_at) VALUES ($1,$2,$3,$4,$5,$5) RETURNING id',
    [v.tenantId, v.userId, v.name, JSON.stringify(v.items), v.at.toISOString()],
  );
  return (rows[0] as { id: string }).id;
}

export async function updateView(
  db: Queryable,
  tenantId: string,
  id: string,
  v: { name: string; items: ViewItem[]; at: Date },
): Promise<number> {
  const rows = await db.query<{ version: number }>(
    `UPDATE saved_views SET name = $3, items = $4, updated_at = $5, version = version + 1
      WHERE tenant_id = $1 AND id = $2 RETURNING version`,
    [tenantId, id, v.name, JSON.stringify(v.items), v.at.toISOString()],
  );
  return (rows[0] as { version: number }).version;
}

export async function deleteView(db: Queryable, tenantId: string, id: string): Promise<void> {
  await db.query('DELETE FROM saved_views WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
}

/** Which of these items exist in the tenant, with their labels (code and name or title). */
export async function itemLabels(db: Queryable, tenantId: string, items: ViewItem[]): Promise<Map<string, string>> {
  const ids = (k: ItemKind) => items.filter((i) => i.kind === k).map((i) => i.id);
  const rows = await db.query<{ kind: string; id: string; label: string; link: string | null }>(
    `SELECT 'target' AS kind, t.id, i.code || '. ' || i.name AS label FROM targets t JOIN indicators i ON i.id = t.indicator_id
       WHERE t.tenant_id = $1 AND t.id = ANY($2::uuid[])
     UNION ALL SELECT 'task', id, code || '. ' || title FROM tasks WHERE tenant_id = $1 AND id = ANY($3::uuid[])
     UNION ALL SELECT 'project', id, code || '. ' || title FROM projects WHERE tenant_id = $1 AND id = ANY($4::uuid[])`,
    [tenantId, ids('target'), ids('task'), ids('project')],
  );
  return new Map(rows.map((r) => [`${r.kind}:${r.id}`, r.label]));
}

/** The plan code of each target, task and project of the list (for links). */
export async function itemPlans(db: Queryable, tenantId: string, items: ViewItem[]): Promise<Map<string, string>> {
  if (items.length === 0) return new Map();
  const rows = await db.query<{ key: string; plan: string }>(
    `SELECT 'target:' || t.id AS key, p.code AS plan FROM targets t JOIN plans p ON p.id = t.plan_id WHERE t.tenant_id = $1 AND t.id = ANY($2::uuid[])
     UNION ALL SELECT 'task:' || x.id, p.code FROM tasks x JOIN plans p ON p.id = x.plan_id WHERE x.tenant_id = $1 AND x.id = ANY($2::uuid[])
     UNION ALL SELECT 'project:' || x.id, p.code FROM projects x JOIN plans p ON p.id = x.plan_id WHERE x.tenant_id = $1 AND x.id = ANY($2::uuid[])`,
    [tenantId, items.map((i) => i.id)],
  );
  return new Map(rows.map((r) => [r.key, r.plan]));
}
