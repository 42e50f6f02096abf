// Requests for explanation as stored, and the owner of the item a request is about.
import type { ItemKind } from '../../core/vocabulary.ts';
import type { Queryable } from '../db.ts';

export interface ItemOwner {
  [k: string]: unknown;
  id: string;
  agency_id: string | null;
  label: string;
}

const ITEM_SQL: Record<ItemKind, string> = {
  target: `SELECT t.id, i.owner_agency_id AS agency_id, (i.code || '. ' || i.name) AS label
             FROM targets t JOIN indicators i ON i.id = t.indicator_id WHERE t.tenant_id = $1 AND t.id = $2`,
  task: `SELECT id, owner_agency_id AS agency_id, (code || '. ' || title) AS label FROM tasks WHERE tenant_id = $1 AND id = $2`,
  project: `SELECT id, owner_agency_id AS agency_id, (code || '. ' || title) AS label FROM projects WHERE tenant_id = $1 AND id = $2`,
};

export async function findItemOwner(
  db: Queryable,
  tenantId: string,
  kind: ItemKind,
  id: string,
): Promise<ItemOwner | null> {
  return (await db.query<ItemOwner>(ITEM_SQL[kind], [tenantId, id]))[0] ?? null;
}

export interface RequestRow {
  [k: string]: unknown;
  id: string;
  item_kind: ItemKind;
  item_id: string;
  item_label: string | null;
  agency_id: string;
  agency_name: string;
  question: string;
  deadline: string;
  requested_by: string | null;
  requested_by_name: string | null;
  requested_at: string;
  answer: string | null;
  answered_by: string | null;
  answered_by_name: string | null;
  answered_at: string | null;
}

const SELECT = `
  SELECT r.id, r.item_kind, r.item_id, r.agency_id, a.name AS agency_name, r.question, r.deadline::text AS deadline,
         r.requested_by, rb.display_name AS requested_by_name, r.requested_at::text AS requested_at, r.answer,
         r.answered_by, ab.display_name AS answered_by_name, r.answered_at::text AS answered_at,
         CASE r.item_kind
           WHEN 'target' THEN (SELECT i.code || '. ' || i.name FROM targets t JOIN indicators i ON i.id = t.indicator_id WHERE t.id = r.item_id)
           WHEN 'task' THEN (SELECT code || '. ' || title FROM tasks WHERE id = r.item_id)
           ELSE (SELECT code || '. ' || title FROM projects WHERE id = r.item_id) END AS item_label
    FROM explanation_requests r JOIN agencies a ON a.id = r.agency_id
    LEFT JOIN users rb ON rb.id = r.requested_by LEFT JOIN users ab ON ab.id = r.answered_by`;

export async function insertRequest(
  db: Queryable,
  r: {
    tenantId: string;
    itemKind: ItemKind;
    itemId: string;
    agencyId: string;
    question: string;
    deadline: string;
    by: string | null;
    at: Date;
  },
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO explanation_requests (tenant_id, item_kind, item_id, agency_id, question, deadline, requested_by, requested_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
    [r.tenantId, r.itemKind, r.itemId, r.agencyId, r.question, r.deadline, r.by, r.at.toISOString()],
  );
  return (rows[0] as { id: string }).id;
}

export async function findRequest(
  db: Queryable,
  tenantId: string,
  id: string,
  lock = false,
): Promise<RequestRow | null> {
  const rows = await db.query<RequestRow>(
    lock
      ? `${SELECT} WHERE r.tenant_id = $1 AND r.id = $2 FOR UPDATE OF r`
      : `${SELECT} WHERE r.tenant_id = $1 AND r.id = $2`,
    [tenantId, id],
  );
  return rows[0] ?? null;
}

export async function saveAnswer(
  db: Queryable,
  tenantId: string,
  id: string,
  a: { answer: string; by: string | null; at: Date },
): Promise<void> {
  await db.query(
    'UPDATE explanation_requests SET answer = $3, answered_by = $4, answered_at = $5 WHERE tenant_id = $1 AND id = $2',
    [tenantId, id, a.answer, a.by, a.at.toISOString()],
  );
}

export async function listRequests(
  db: Queryable,
  tenantId: string,
  f: {
    itemKind: ItemKind | null;
    itemId: string | null;
    agencyId: string | null;
    open: boolean;
    overdueOn: string | null;
  },
  limit: number,
): Promise<RequestRow[]> {
  return db.query<RequestRow>(
    `${SELECT} WHERE r.tenant_id = $1 AND ($2::text IS NULL OR r.item_kind = $2) AND ($3::uuid IS NULL OR r.item_id = $3)
        AND ($4::uuid IS NULL OR r.agency_id = $4) AND (NOT $5 OR r.answered_at IS NULL)
        AND ($6::date IS NULL OR (r.answered_at IS NULL AND r.deadline < $6::date))
      ORDER BY r.answered_at IS NOT NULL, r.deadline, r.requested_at DESC LIMIT $7`,
    [tenantId, f.itemKind, f.itemId, f.agencyId, f.open, f.overdueOn, limit],
  );
}
