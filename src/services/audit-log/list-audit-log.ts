// The audit log of the actor's tenant (admins and inspectors), newest first, filtered by entity and paged.
import { keyset } from '../../storage/repositories/keyset.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import { decodeCursor, page } from '../reference/paging.ts';
import { afterKey, parseSort } from '../reference/sorting.ts';

/** The orders the audit log may be sorted in (`?sort=`); newest first by default. */
const AUDIT_SORTS = {
  at: ["to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')"],
  action: ['action'],
  entity: ['entity', 'entity_id'],
} as const;

interface AuditRow {
  [k: string]: unknown;
  id: number;
  at: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  request_id: string | null;
  sort_key: string[];
}

export function presentAuditEntry(r: AuditRow) {
  return {
    id: String(r.id),
    at: r.at,
    actor: { id: r.actor_id, label: r.actor_label },
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before,
    after: r.after,
    reason: r.reason,
    requestId: r.request_id,
  };
}

export type AuditEntryView = ReturnType<typeof presentAuditEntry>;

export async function listAuditLog({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    entity?: string;
    entityId?: string;
    /** Who: part of the actor's label (case-insensitive) */
    actor?: string;
    /** What: the action (create, edit, approve, …) */
    action?: string;
    /** When: from and to (inclusive), YYYY-MM-DD, by the Vietnamese calendar day */
    from?: string;
    to?: string;
    sort?: string;
    limit?: number;
    cursor?: string;
  };
}): Promise<{ items: AuditEntryView[]; nextCursor: string | null }> {
  authorize(ctx.actor, 'audit.read');
  const limit = input.limit ?? 50;
  const sort = parseSort(input.sort, Object.keys(AUDIT_SORTS) as (keyof typeof AUDIT_SORTS)[], '-at');
  // The id (zero-padded, so text order is numeric order) breaks ties: two rows of one transaction share `at`.
  const ks = keyset(
    { exprs: AUDIT_SORTS[sort.key], desc: sort.desc },
    "lpad(id::text, 20, '0')",
    afterKey(decodeCursor(input.cursor), sort, AUDIT_SORTS[sort.key].length),
    9,
  );
  const rows = await ctx.db.query<AuditRow>(
    // `at` as ISO 8601 in UTC (what a browser's Date reads): `at::text` gives "… 23:53:26.291+00", whose short
    // offset Chromium and Node refuse ("Invalid time value"), and follows the session's time zone.
    `SELECT id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, actor_id, actor_label, action, entity, entity_id, before, after, reason, request_id, ${ks.select} FROM audit_log
      WHERE ($1::uuid IS NULL OR tenant_id = $1) AND ($2::text IS NULL OR entity = $2) AND ($3::text IS NULL OR entity_id = $3)
        AND ($5::text IS NULL OR actor_label ILIKE '%' || $5 || '%') AND ($6::text IS NULL OR action = $6)
        AND ($7::date IS NULL OR (at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date >= $7::date)
        AND ($8::date IS NULL OR (at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= $8::date)
        AND ${ks.where} ORDER BY ${ks.orderBy} LIMIT $4`,
    [
      ctx.actor.tenantId,
      input.entity ?? null,
      input.entityId ?? null,
      limit + 1,
      input.actor?.replace(/[%_\\]/g, (c) => `\\${c}`) ?? null,
      input.action ?? null,
      input.from ?? null,
      input.to ?? null,
      ...ks.params,
    ],
  );
  const result = page(rows, limit, (r) => [sort.token, ...r.sort_key]);
  return { items: result.items.map(presentAuditEntry), nextCursor: result.nextCursor };
}
