// Observations (the slot indicator × unit × period), their append-only versions and workflow reviews, as stored.
import type { Queryable } from '../db.ts';
import { keyset } from './keyset.ts';

export interface ObservationRow {
  [k: string]: unknown;
  id: string;
  tenant_id: string;
  tenant_code: string;
  indicator_id: string;
  indicator_code: string;
  indicator_name: string;
  owner_agency_id: string | null;
  plan_code: string | null;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  period: string;
  version: number;
  updated_at: string;
  /** The figure's notes as its document gives them (context, ambiguity …), each with its citation; null when none. */
  notes: { kind: string; text: string; source: Record<string, unknown> | null }[] | null;
}

export interface VersionRow {
  [k: string]: unknown;
  id: string;
  observation_id: string;
  seq: number;
  value: string | null;
  value_text: string | null;
  value_qualifier: Record<string, unknown> | null;
  provenance: Record<string, unknown> | null;
  status: string;
  workflow_state: string;
  reason: string | null;
  source_text: string | null;
  evidence_url: string | null;
  entered_by: string | null;
  entered_at: string;
  approved_by: string | null;
  approved_at: string | null;
}

export interface ReviewRow {
  [k: string]: unknown;
  id: string;
  version_id: string;
  action: string;
  comment: string | null;
  actor_id: string | null;
  at: string;
}

const NOTES = `(SELECT jsonb_agg(jsonb_build_object('kind', n.kind, 'text', n.text, 'source', n.provenance->'source') ORDER BY n.id)
            FROM quality_notes n WHERE n.tenant_id = o.tenant_id AND n.entity = 'observation' AND n.entity_id = o.id) AS notes`;
const COLUMNS = `o.id, o.tenant_id, t.code AS tenant_code, o.indicator_id, i.code AS indicator_code, i.name AS indicator_name, i.owner_agency_id,
         p.code AS plan_code, o.unit_id, u.code AS unit_code, u.name AS unit_name, o.period, o.version, o.updated_at::text AS updated_at`;
const FROM_OBS = `FROM observations o JOIN tenants t ON t.id = o.tenant_id JOIN indicators i ON i.id = o.indicator_id
    JOIN units u ON u.id = o.unit_id LEFT JOIN plans p ON p.id = i.plan_id`;
const SELECT_OBS = `SELECT ${COLUMNS}, ${NOTES} ${FROM_OBS}`;

export interface ObservationFilter {
  tenantId: string | null;
  tenantCode: string | null;
  plan: string | null;
  indicatorId: string | null;
  unit: string | null;
  agency: string | null;
  period: string | null;
  workflowState: string | null;
  approvedOnly: boolean;
  after: string[] | null;
  limit: number;
  sort: { key: keyof typeof OBSERVATION_SORTS; desc: boolean };
}

/** The orders an observation list may be sorted in (`?sort=`); the first is the default. */
export const OBSERVATION_SORTS = {
  indicator: ['i.code', 'o.period'],
  period: ['o.period', 'i.code'],
  updatedAt: ["to_char(o.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')"],
} as const;

/**
 * A page of observations under the filter and order. The notes are read for the page's rows only, after the LIMIT.
 * When one indicator is asked for (an indicator page, the portal) under the indicator or period order, the order
 * within it is (period, id) whichever of the two it is, and the index on (tenant, indicator, period, id) serves it:
 * the LIMIT reads the page's rows instead of all of the indicator's figures before a sort.
 */
export async function listObservations(
  db: Queryable,
  f: ObservationFilter,
): Promise<(ObservationRow & { sort_key: string[] })[]> {
  // A cursor's id that is not a uuid cannot bound the index; the general query compares it as text.
  const fast =
    f.indicatorId !== null && f.sort.key !== 'updatedAt' && (f.after === null || UUID.test(f.after[2] ?? ''));
  const rows = fast ? await oneIndicator(db, f) : await anyRows(db, f);
  return withNotes(db, rows);
}

const FILTERS = `($1::uuid IS NULL OR o.tenant_id = $1) AND ($2::text IS NULL OR t.code = $2) AND ($3::text IS NULL OR p.code = $3)
        AND ($4::uuid IS NULL OR o.indicator_id = $4) AND ($5::text IS NULL OR u.code = $5)
        AND ($6::text IS NULL OR i.owner_agency_id = (SELECT a.id FROM agencies a WHERE a.tenant_id = o.tenant_id AND a.code = $6))
        AND ($7::text IS NULL OR o.period = $7)
        AND ($8::text IS NULL OR (SELECT v.workflow_state FROM observation_versions v WHERE v.observation_id = o.id ORDER BY v.seq DESC LIMIT 1) = $8)
        AND (NOT $9::boolean OR EXISTS (SELECT 1 FROM observation_versions v WHERE v.observation_id = o.id AND v.workflow_state = 'approved'))`;

const filterParams = (f: ObservationFilter): unknown[] => [
  f.tenantId,
  f.tenantCode,
  f.plan,
  f.indicatorId,
  f.unit,
  f.agency,
  f.period,
  f.workflowState,
  f.approvedOnly,
  f.limit,
];

async function anyRows(db: Queryable, f: ObservationFilter): Promise<(ObservationRow & { sort_key: string[] })[]> {
  const ks = keyset({ exprs: OBSERVATION_SORTS[f.sort.key], desc: f.sort.desc }, 'o.id', f.after, 11);
  return db.query<ObservationRow & { sort_key: string[] }>(
    `SELECT ${COLUMNS}, ${ks.select} ${FROM_OBS}
      WHERE ${FILTERS} AND ${ks.where}
      ORDER BY ${ks.orderBy} LIMIT $10`,
    [...filterParams(f), ...ks.params],
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const LOWEST_ID = '00000000-0000-0000-0000-000000000000';
const HIGHEST_ID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

/**
 * One indicator's figures in (period, id) order. The row's sort key and so the cursor are those of the general
 * query ([code, period, id] or [period, code, id]); a cursor's position is turned into a (period, id) bound that
 * keeps the general order's meaning, also for a cursor that names another indicator's code (compared in SQL, under
 * the database's collation, as the general query compares it).
 */
async function oneIndicator(db: Queryable, f: ObservationFilter): Promise<(ObservationRow & { sort_key: string[] })[]> {
  const desc = f.sort.desc;
  const ks = keyset({ exprs: OBSERVATION_SORTS[f.sort.key], desc }, 'o.id', null, 11);
  let bound: [string, string] | null = null;
  if (f.after !== null && f.after.length === 3) {
    const [first, second, id] = f.after as [string, string, string];
    const [code, period] = f.sort.key === 'indicator' ? [first, second] : [second, first];
    const cmp = (
      await db.query<{ cmp: number }>(
        `SELECT CASE WHEN code = $2 THEN 0 WHEN code > $2 THEN 1 ELSE -1 END AS cmp FROM indicators WHERE id = $1`,
        [f.indicatorId, code],
      )
    )[0]?.cmp;
    if (cmp === undefined) return [];
    // How this indicator's code stands to the cursor's, in the direction of the order: ahead, level or behind.
    const ahead = desc ? -cmp : cmp;
    if (ahead === 0) bound = [period, id];
    else if (f.sort.key === 'indicator') {
      if (ahead < 0) return []; // every figure of this indicator comes before the cursor
    } else {
      // Under (period, code, id) the code only decides within the cursor's period: its figures of that period are
      // all after the cursor (ahead) or all before it (behind).
      const ahead0 = ahead > 0;
      bound = [period, ahead0 === !desc ? LOWEST_ID : HIGHEST_ID];
    }
  }
  const dir = desc ? 'DESC' : 'ASC';
  return db.query<ObservationRow & { sort_key: string[] }>(
    `SELECT ${COLUMNS}, ${ks.select} ${FROM_OBS}
      WHERE o.tenant_id = (SELECT x.tenant_id FROM indicators x WHERE x.id = $4) AND o.indicator_id = $4
        AND ${FILTERS}
        AND ${bound ? `(o.period, o.id) ${desc ? '<' : '>'} ($11::text, $12::uuid)` : 'TRUE'}
      ORDER BY o.period ${dir}, o.id ${dir} LIMIT $10`,
    [...filterParams(f), ...(bound ?? [])],
  );
}

/** The notes of a page's rows, read after its LIMIT (one query), in the row's own order. */
async function withNotes<T extends ObservationRow>(db: Queryable, rows: T[]): Promise<T[]> {
  if (rows.length === 0) return rows;
  const notes = await db.query<{ id: string; notes: ObservationRow['notes'] }>(
    `SELECT o.id, ${NOTES} FROM observations o WHERE o.id = ANY($1::uuid[])
        AND EXISTS (SELECT 1 FROM quality_notes n WHERE n.tenant_id = o.tenant_id AND n.entity = 'observation' AND n.entity_id = o.id)`,
    [rows.map((r) => r.id)],
  );
  const byId = new Map(notes.map((n) => [n.id, n.notes]));
  return rows.map((r) => ({ ...r, notes: byId.get(r.id) ?? null }));
}

export async function findObservation(
  db: Queryable,
  tenantId: string | null,
  id: string,
): Promise<ObservationRow | null> {
  return (
    (
      await db.query<ObservationRow>(`${SELECT_OBS} WHERE o.id = $1 AND ($2::uuid IS NULL OR o.tenant_id = $2)`, [
        id,
        tenantId,
      ])
    )[0] ?? null
  );
}

export async function findObservationSlot(
  db: Queryable,
  tenantId: string,
  indicatorId: string,
  unitId: string,
  period: string,
): Promise<ObservationRow | null> {
  return (
    (
      await db.query<ObservationRow>(
        `${SELECT_OBS} WHERE o.tenant_id = $1 AND o.indicator_id = $2 AND o.unit_id = $3 AND o.period = $4`,
        [tenantId, indicatorId, unitId, period],
      )
    )[0] ?? null
  );
}

const SELECT_VERSION = `SELECT id, observation_id, seq, value::text AS value, value_text, value_qualifier, provenance, status, workflow_state, reason,
  source_text, evidence_url, entered_by, entered_at::text AS entered_at, approved_by, approved_at::text AS approved_at FROM observation_versions`;

/**
 * The version of one indicator's figures as the public lists them (null: no such indicator): its row in
 * figure_list_versions (rewritten by the database after every statement writing one of its figures, their versions
 * or notes: migration 0022) and the row versions (xmin) of everything else a listed figure shows or is filtered by:
 * the indicator, its tenant, its plan, the tenant's units and agencies (a few hundred rows at most, read by index).
 * Every write renews the xmin of the rows it writes, whichever process made it, so an equal version means an equal
 * list, whatever its page, sort or filter. One indexed lookup, made on every public read of a kept page.
 */
export async function figureListVersion(db: Queryable, indicatorId: string): Promise<string | null> {
  const rows = await db.query<{ v: string }>(
    `SELECT i.id || ':' || i.xmin::text || ':' || tn.xmin::text || ':' || coalesce(p.xmin::text, '-') || ':' ||
            coalesce(f.xmin::text, '-') || ':' ||
            coalesce((SELECT md5(string_agg(u.id || '.' || u.xmin::text, ',' ORDER BY u.id)) FROM units u
                       WHERE u.tenant_id = i.tenant_id), '-') || ':' ||
            coalesce((SELECT md5(string_agg(a.id || '.' || a.xmin::text, ',' ORDER BY a.id)) FROM agencies a
                       WHERE a.tenant_id = i.tenant_id), '-') AS v
       FROM indicators i JOIN tenants tn ON tn.id = i.tenant_id LEFT JOIN plans p ON p.id = i.plan_id
       LEFT JOIN figure_list_versions f ON f.indicator_id = i.id
      WHERE i.id = $1`,
    [indicatorId],
  );
  return rows[0]?.v ?? null;
}

/** The versions of these figures in seq order (only the approved ones when `approvedOnly`: all the public sees). */
export async function listVersions(
  db: Queryable,
  tenantId: string,
  observationIds: string[],
  approvedOnly = false,
): Promise<VersionRow[]> {
  if (observationIds.length === 0) return [];
  return db.query<VersionRow>(
    `${SELECT_VERSION} WHERE tenant_id = $1 AND observation_id = ANY($2::uuid[])
       AND (NOT $3::boolean OR workflow_state = 'approved') ORDER BY observation_id, seq`,
    [tenantId, observationIds, approvedOnly],
  );
}

export async function latestVersion(
  db: Queryable,
  tenantId: string,
  observationId: string,
): Promise<VersionRow | null> {
  return (
    (
      await db.query<VersionRow>(
        `${SELECT_VERSION} WHERE tenant_id = $1 AND observation_id = $2 ORDER BY seq DESC LIMIT 1`,
        [tenantId, observationId],
      )
    )[0] ?? null
  );
}

export async function listReviews(db: Queryable, tenantId: string, observationId: string): Promise<ReviewRow[]> {
  return db.query<ReviewRow>(
    'SELECT id, version_id, action, comment, actor_id, at::text AS at FROM observation_reviews WHERE tenant_id = $1 AND observation_id = $2 ORDER BY at, id',
    [tenantId, observationId],
  );
}

export async function insertObservation(
  db: Queryable,
  o: { tenantId: string; indicatorId: string; unitId: string; period: string },
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    'INSERT INTO observations (tenant_id, indicator_id, unit_id, period) VALUES ($1,$2,$3,$4) RETURNING id',
    [o.tenantId, o.indicatorId, o.unitId, o.period],
  );
  return (rows[0] as { id: string }).id;
}

/**
 * Moves the observation to its next version if, and only if, it is still at `expected`: the row lock this UPDATE
 * takes makes two racing writers serialise, and the loser sees zero rows (a stale If-Match).
 */
export async function bumpVersion(
  db: Queryable,
  tenantId: string,
  id: string,
  expected: number,
  at: Date,
): Promise<number | null> {
  const rows = await db.query<{ version: number }>(
    'UPDATE observations SET version = version + 1, updated_at = $4 WHERE tenant_id = $1 AND id = $2 AND version = $3 RETURNING version',
    [tenantId, id, expected, at.toISOString()],
  );
  return rows[0]?.version ?? null;
}

/**
 * The one way a figure version is written, by every path (data entry, revision, a published vintage). A version
 * starts as a draft unless the caller records it further along its workflow (a vintage awaiting a second person is
 * submitted; an official publication recorded with its document is approved on record).
 */
export async function insertVersion(
  db: Queryable,
  v: {
    tenantId: string;
    observationId: string;
    seq: number;
    value: string | null;
    /** A figure published as a range or a bound ({ range } / { bound }), or a count with its total. */
    valueQualifier?: Record<string, unknown> | null;
    valueText: string | null;
    status: string;
    reason: string | null;
    sourceText: string | null;
    evidenceUrl: string | null;
    enteredBy: string | null;
    measure: string;
    priceBasis: string;
    /** Defaults: a first version is a vintage, a later one a correction. */
    changeKind?: 'vintage' | 'correction';
    vintageLabel?: string | null;
    publishedOn?: string | null;
    dataType?: 'statistical' | 'administrative';
    workflowState?: 'draft' | 'submitted' | 'approved';
    approvedBy?: string | null;
    /** e.g. the plausibility flags the person entering the figure confirmed, with their reason. */
    provenance?: Record<string, unknown> | null;
  },
): Promise<string> {
  const state = v.workflowState ?? 'draft';
  const rows = await db.query<{ id: string }>(
    `INSERT INTO observation_versions (tenant_id, observation_id, seq, value, value_text, status, reason, source_text, evidence_url, entered_by,
       measure, price_basis, workflow_state, change_kind, vintage_label, published_on, data_type, approved_by, approved_at,
       value_qualifier, provenance)
     VALUES ($1,$2,$3,$4::numeric,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18, CASE WHEN $13 = 'approved' THEN now() END,
       $19,$20) RETURNING id`,
    [
      v.tenantId,
      v.observationId,
      v.seq,
      v.value,
      v.valueText,
      v.status,
      v.reason,
      v.sourceText,
      v.evidenceUrl,
      v.enteredBy,
      v.measure,
      v.priceBasis,
      state,
      v.changeKind ?? (v.seq === 1 ? 'vintage' : 'correction'),
      v.vintageLabel ?? null,
      v.publishedOn ?? null,
      v.dataType ?? 'administrative',
      state === 'approved' ? (v.approvedBy ?? null) : null,
      v.valueQualifier ? JSON.stringify(v.valueQualifier) : null,
      v.provenance ? JSON.stringify(v.provenance) : null,
    ],
  );
  return (rows[0] as { id: string }).id;
}

/**
 * A version that withdraws `withdrawnVersionId`: no value, approved at once by whoever withdraws it, with the same
 * status and publication date as the figure it takes back so that it supersedes exactly that figure.
 */
export async function insertWithdrawal(
  db: Queryable,
  w: {
    tenantId: string;
    observationId: string;
    seq: number;
    withdrawnVersionId: string;
    reason: string;
    actorId: string | null;
    at: Date;
  },
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO observation_versions (tenant_id, observation_id, seq, value, value_qualifier, value_text, status, vintage_label, change_kind,
       measure, price_basis, source_text, published_on, data_type, workflow_state, reason, entered_by, entered_at, approved_by, approved_at)
     SELECT tenant_id, observation_id, $3, NULL, jsonb_build_object('withdrawn', true, 'versionId', id), NULL, status, vintage_label, 'correction',
            measure, price_basis, source_text, published_on, data_type, 'approved', $5, $6, $7, $6, $7
       FROM observation_versions WHERE tenant_id = $1 AND observation_id = $2 AND id = $4
     RETURNING id`,
    [w.tenantId, w.observationId, w.seq, w.withdrawnVersionId, w.reason, w.actorId, w.at.toISOString()],
  );
  return (rows[0] as { id: string }).id;
}

export async function setWorkflowState(
  db: Queryable,
  tenantId: string,
  versionId: string,
  state: string,
  approvedBy: string | null,
  at: Date,
): Promise<void> {
  await db.query(
    `UPDATE observation_versions SET workflow_state = $3, approved_by = CASE WHEN $3 = 'approved' THEN $4::uuid ELSE approved_by END,
            approved_at = CASE WHEN $3 = 'approved' THEN $5::timestamptz ELSE approved_at END WHERE tenant_id = $1 AND id = $2`,
    [tenantId, versionId, state, approvedBy, at.toISOString()],
  );
}

export async function insertReview(
  db: Queryable,
  r: {
    tenantId: string;
    observationId: string;
    versionId: string;
    action: string;
    comment: string | null;
    actorId: string | null;
  },
): Promise<void> {
  await db.query(
    'INSERT INTO observation_reviews (tenant_id, observation_id, version_id, action, comment, actor_id) VALUES ($1,$2,$3,$4,$5,$6)',
    [r.tenantId, r.observationId, r.versionId, r.action, r.comment, r.actorId],
  );
}

export interface IndicatorRef {
  [k: string]: unknown;
  id: string;
  tenant_id: string;
  owner_agency_id: string | null;
  measure: string;
  price_basis: string;
}

export async function findIndicatorRef(db: Queryable, tenantId: string, id: string): Promise<IndicatorRef | null> {
  return (
    (
      await db.query<IndicatorRef>(
        'SELECT id, tenant_id, owner_agency_id, measure, price_basis FROM indicators WHERE tenant_id = $1 AND id = $2',
        [tenantId, id],
      )
    )[0] ?? null
  );
}

export async function unitExists(db: Queryable, tenantId: string, id: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM units WHERE tenant_id = $1 AND id = $2', [tenantId, id])).length > 0;
}
