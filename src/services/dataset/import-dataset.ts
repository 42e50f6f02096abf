// Loads a dataset (tenants with units and agencies, plans with indicators, targets, observations, tasks,
// breakthroughs, projects) in one transaction: all of it or nothing, so a crash midway leaves an empty database that
// the next start loads again. Idempotent: a tenant, unit or plan already present is kept as it is, so running it
// twice, or at every start, changes nothing. Everything is checked (check-dataset.ts) before the first write.
import { parseAggregationMethod, parseBaselineDeclaration } from '../../core/consolidation/declaration.ts';
import { Forbidden, ValidationError } from '../../core/errors.ts';
import { vietnamDateOf } from '../../core/format/date.ts';
import { validateRegistry, type LineageEvent, type UnitRecord } from '../../core/units/index.ts';
import type { Queryable } from '../../storage/db.ts';
import { writeAudit } from '../audit.ts';
import { hasRole, type ServiceContext } from '../context.ts';
import { recomputeEvaluations } from '../evaluations/recompute-evaluations.ts';
import { takeEvaluationTurns } from '../../storage/repositories/plan-evaluations-repo.ts';
import { storedPlanIds } from '../../storage/repositories/plans-repo.ts';
import type { TargetSpec } from '../../core/targets/target.ts';
import { checkSpec } from '../reference/edit-target.ts';
import { checkDataset, checkDatasetFigure } from './check-dataset.ts';
import type {
  Citation,
  Dataset,
  DocumentRef,
  IndicatorFile,
  PlanDocument,
  PlanFile,
  TenantFile,
} from './dataset-types.ts';

export interface ImportReport {
  tenants: { code: string; created: boolean }[];
  plans: {
    code: string;
    created: boolean;
    indicators: number;
    targets: number;
    observations: number;
    tasks: number;
    projects: number;
    breakthroughs: number;
    /** For a plan already present: how its targets in force differ from the file's, and whether they were applied. */
    differences?: TargetDifference[];
    applied?: boolean;
  }[];
}

/** One target of an existing plan that the file words or defines differently. */
export interface TargetDifference {
  indicator: string;
  /** Position among the indicator's targets in force. */
  index: number;
  change: 'edited' | 'added' | 'removed';
  before: { text: string; spec: unknown } | null;
  after: { text: string; spec: unknown } | null;
  /** The stored target an edit or a removal applies to. */
  targetId?: string;
}

/** JSON with keys in a fixed order, so two equal specs compare equal whatever order they were written in. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

async function targetDifferences(
  tx: Queryable,
  tenantId: string,
  planId: string,
  f: PlanFile,
): Promise<TargetDifference[]> {
  const rows = await tx.query<{ id: string; code: string; text: string; spec: unknown }>(
    `SELECT t.id, i.code, t.text, t.spec FROM targets t JOIN indicators i ON i.id = t.indicator_id AND i.tenant_id = t.tenant_id
      WHERE t.tenant_id = $1 AND t.plan_id = $2 AND t.stage = 'in_force' ORDER BY i.sort_order, t.sort_order, t.id`,
    [tenantId, planId],
  );
  const stored = new Map<string, { id: string; text: string; spec: unknown }[]>();
  for (const r of rows) stored.set(r.code, [...(stored.get(r.code) ?? []), r]);
  const out: TargetDifference[] = [];
  const codes = new Set<string>([...stored.keys(), ...(f.indicators ?? []).map((i) => i.code)]);
  for (const code of codes) {
    const was = stored.get(code) ?? [];
    const now = ((f.indicators ?? []).find((i) => i.code === code)?.targets ?? []).filter(
      (t) => (t.stage ?? 'in_force') === 'in_force',
    );
    for (let k = 0; k < Math.max(was.length, now.length); k++) {
      const a = was[k];
      const b = now[k];
      const after = b === undefined ? null : { text: nfc(b.text), spec: b.spec };
      const before = a === undefined ? null : { text: a.text, spec: a.spec };
      if (a === undefined) out.push({ indicator: code, index: k, change: 'added', before, after });
      else if (b === undefined)
        out.push({ indicator: code, index: k, change: 'removed', before, after, targetId: a.id });
      else if (a.text !== nfc(b.text) || canonical(a.spec) !== canonical(b.spec))
        out.push({ indicator: code, index: k, change: 'edited', before, after, targetId: a.id });
    }
  }
  return out;
}

const nfc = (s: string): string => s.normalize('NFC');
const prov = (line: number | undefined, extra: Record<string, unknown> = {}): string | null =>
  line === undefined ? null : JSON.stringify({ source: 'source/000_fcfbe4c97d396d0a.txt', line, ...extra });

/** A record's place as the plan's provenance keeps it: its own citation, or its bare line in the default document. */
interface Placed {
  line?: number;
  lineEnd?: number;
  source?: Citation;
}

/**
 * How a plan's records are cited: by the document they name, or (a bare `line`) by the plan's default document. A
 * plan file without documents keeps its lines without naming any file: nothing is stamped with another plan's source.
 */
class PlanCitations {
  readonly byCode = new Map<string, PlanDocument & { dbId: string }>();
  private readonly fallback: (PlanDocument & { dbId: string }) | undefined;

  constructor(docs: (PlanDocument & { dbId: string })[]) {
    for (const d of docs) this.byCode.set(d.id, d);
    this.fallback = docs.find((d) => d.default === true);
  }

  /** { document, documentId, source (file or URL), page/line/paragraph/quote } or null when the record has no place. */
  citation(r: Placed | null | undefined): Record<string, unknown> | null {
    if (!r) return null;
    const c: Citation | undefined =
      r.source ??
      (r.line === undefined
        ? undefined
        : this.fallback === undefined
          ? undefined
          : { document: this.fallback.id, line: r.line, ...(r.lineEnd === undefined ? {} : { lineEnd: r.lineEnd }) });
    if (c === undefined) return r.line === undefined ? null : { line: r.line };
    const d = this.byCode.get(c.document);
    return {
      document: c.document,
      ...(d === undefined ? {} : { documentId: d.dbId }),
      ...(d?.file !== undefined ? { source: d.file } : d?.url !== undefined ? { source: d.url } : {}),
      ...(c.page === undefined ? {} : { page: c.page }),
      ...(c.line === undefined ? {} : { line: c.line }),
      ...(c.lineEnd === undefined ? {} : { lineEnd: c.lineEnd }),
      ...(c.paragraph === undefined ? {} : { paragraph: nfc(c.paragraph) }),
      ...(c.quote === undefined ? {} : { quote: nfc(c.quote) }),
    };
  }

  provenance(r: Placed | null | undefined, extra: Record<string, unknown> = {}): string | null {
    const c = this.citation(r);
    if (c === null && Object.keys(extra).length === 0) return null;
    return JSON.stringify({ ...(c ?? {}), ...extra });
  }

  /** "Nghị quyết …, trang 3" / "…, dòng 2808": the source a figure shows beside it. */
  sourceText(r: Placed, planName: string): string {
    const c = this.citation(r);
    const d = typeof c?.document === 'string' ? this.byCode.get(c.document) : undefined;
    if (d === undefined || c === null) return planName;
    const place =
      c.page !== undefined
        ? `, trang ${String(c.page)}`
        : c.line !== undefined
          ? `, dòng ${String(c.line)}`
          : c.paragraph !== undefined
            ? `, ${String(c.paragraph)}`
            : '';
    const when = d.date === null ? '' : `, ${d.date.split('-').reverse().join('/')}`;
    return nfc(`${d.title}${d.publisher === undefined ? '' : ` (${d.publisher})`}${when}${place}`);
  }
}

export interface ImportArgs {
  ctx: ServiceContext;
  input: Dataset;
  onProgress?: (done: number, total: number, label: string) => void;
  /** For plans already present: apply the targets the file edits, adds or removes (audited, evaluation recomputed). */
  apply?: boolean;
}

export async function importDataset(args: ImportArgs): Promise<ImportReport> {
  if (args.ctx.actor.kind !== 'system' && !hasRole(args.ctx.actor, 'admin')) throw new Forbidden();
  return importAuthorized(args);
}

/**
 * The import itself, for a use case that has already checked its own permission (a plan owner creating a plan of
 * their own tenant from a reviewed draft); the same checks, the same single transaction, the same audit.
 */
export async function importAuthorized({ ctx, input, onProgress, apply = false }: ImportArgs): Promise<ImportReport> {
  const total = input.tenants.length + input.plans.length;
  return ctx.db.transaction(async (tx) => {
    const stored = await tx.query<{ code: string }>('SELECT code FROM tenants');
    checkDataset(
      input,
      stored.map((t) => t.code),
      ctx.now(),
    );
    const report: ImportReport = { tenants: [], plans: [] };
    let done = 0;
    const tenantIds = new Map<string, string>();
    for (const t of input.tenants) {
      const { id, created } = await importTenant(tx, ctx, t);
      tenantIds.set(t.tenant.code, id);
      report.tenants.push({ code: t.tenant.code, created });
      onProgress?.(++done, total, t.tenant.code);
    }
    if (apply) {
      // Plans already present may be recomputed below one after another: their turns are taken first, in one order,
      // so a write moving two of them meanwhile never waits for this import in turn (a new plan is seen by no one).
      const present = await storedPlanIds(
        tx,
        input.plans.map((p) => ({ tenant: p.tenant, code: p.plan.id })),
      );
      await takeEvaluationTurns(tx, present);
    }
    for (const p of input.plans) {
      const tenantId = tenantIds.get(p.tenant) ?? (await findTenantId(tx, p.tenant));
      report.plans.push(await importPlan(tx, ctx, tenantId, p, apply));
      onProgress?.(++done, total, p.plan.id);
    }
    return report;
  });
}

async function findTenantId(db: Queryable, code: string): Promise<string> {
  const rows = await db.query<{ id: string }>('SELECT id FROM tenants WHERE code = $1', [code]);
  const row = rows[0];
  if (!row)
    throw new ValidationError(
      {
        vi: `Bộ dữ liệu nhắc tới địa phương "${code}" chưa có`,
        en: `The dataset refers to an unknown tenant "${code}"`,
      },
      [{ path: 'tenant', reason: { vi: `không có địa phương "${code}"`, en: `no tenant "${code}"` } }],
      'unknown_tenant',
      { tenant: code },
    );
  return row.id;
}

async function importTenant(
  tx: Queryable,
  ctx: ServiceContext,
  t: TenantFile,
): Promise<{ id: string; created: boolean }> {
  const existing = await tx.query<{ id: string }>('SELECT id FROM tenants WHERE code = $1', [t.tenant.code]);
  let tenantId = existing[0]?.id;
  const created = !tenantId;
  if (!tenantId) {
    const rows = await tx.query<{ id: string }>(
      'INSERT INTO tenants (code, name, unit_code) VALUES ($1, $2, $3) RETURNING id',
      [t.tenant.code, nfc(t.tenant.name), t.tenant.unitCode],
    );
    tenantId = (rows[0] as { id: string }).id;
    await writeAudit(tx, ctx, {
      tenantId,
      action: 'create',
      entity: 'tenant',
      entityId: tenantId,
      after: t.tenant,
      reason: 'dataset import',
    });
  }
  await checkUnitRegistry(tx, tenantId, t);
  for (const u of t.units) {
    const found = await tx.query(
      'SELECT 1 FROM units WHERE tenant_id = $1 AND code = $2 AND valid_from IS NOT DISTINCT FROM $3',
      [tenantId, u.code, u.validFrom],
    );
    if (found.length > 0) continue;
    await tx.query(
      `INSERT INTO units (tenant_id, code, name, level, valid_from, valid_to, attributes, provenance) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [
        tenantId,
        u.code,
        nfc(u.name),
        u.level,
        u.validFrom,
        u.validTo,
        JSON.stringify(u.note ? { note: nfc(u.note) } : {}),
        prov(u.line),
      ],
    );
  }
  for (const l of t.lineage ?? []) {
    const from = await unitIdByCode(tx, tenantId, l.from, dayBefore(l.date));
    const to = await unitIdByCode(tx, tenantId, l.to, l.date);
    const found = await tx.query(
      'SELECT 1 FROM unit_lineage WHERE tenant_id=$1 AND from_unit_id=$2 AND to_unit_id=$3 AND event=$4',
      [tenantId, from, to, l.event],
    );
    if (found.length > 0) continue;
    const docId = l.document ? await insertDocument(tx, tenantId, l.document) : null;
    await tx.query(
      'INSERT INTO unit_lineage (tenant_id, from_unit_id, to_unit_id, event, effective_on, document_id, provenance) VALUES ($1,$2,$3,$4,$5,$6,$7)',
      [tenantId, from, to, l.event, l.date, docId, prov(l.line)],
    );
  }
  for (const a of t.agencies ?? []) {
    await tx.query(
      'INSERT INTO agencies (tenant_id, code, name, provenance) VALUES ($1,$2,$3,$4) ON CONFLICT (tenant_id, code) DO NOTHING',
      [tenantId, a.code, nfc(a.name), prov(a.line)],
    );
  }
  return { id: tenantId, created };
}

/** A figure published as a bound ("< 3,5") or a range ("87-88"), or as an average of a span, keeps that form. */
function qualifierOf(o: { bound?: unknown; range?: unknown; aggregate?: unknown }): string | null {
  const q = {
    ...(o.bound ? { bound: o.bound } : {}),
    ...(o.range ? { range: o.range } : {}),
    ...(o.aggregate ? { aggregate: o.aggregate } : {}),
  };
  return Object.keys(q).length > 0 ? JSON.stringify(q) : null;
}

/**
 * The tenant's units after this import must keep the rules of the official code list (QĐ 124/2004, QĐ 19/2025):
 * well-formed codes, one holder at a time, and a closed code never given to another unit. A unit with no known
 * start date is taken as held since before any code list.
 */
async function checkUnitRegistry(tx: Queryable, tenantId: string, t: TenantFile): Promise<void> {
  const stored = await tx.query<{
    code: string;
    name: string;
    level: string;
    valid_from: string | null;
    valid_to: string | null;
  }>('SELECT code, name, level, valid_from, valid_to FROM units WHERE tenant_id = $1', [tenantId]);
  const key = (code: string, from: string | null): string => `${code}/${from ?? ''}`;
  const seen = new Set(stored.map((u) => key(u.code, u.valid_from)));
  const records: UnitRecord[] = [
    ...stored.map((u) => ({
      code: u.code,
      name: u.name,
      level: u.level as UnitRecord['level'],
      validFrom: u.valid_from ?? EARLIEST,
      validTo: u.valid_to,
    })),
    ...t.units
      .filter((u) => !seen.has(key(u.code, u.validFrom)))
      .map((u) => ({
        code: u.code,
        name: u.name,
        level: u.level as UnitRecord['level'],
        validFrom: u.validFrom ?? EARLIEST,
        validTo: u.validTo,
      })),
  ];
  const lineage: LineageEvent[] = (t.lineage ?? []).map((l) => ({
    event: l.event as LineageEvent['event'],
    from: l.from,
    to: l.to,
    date: l.date,
  }));
  validateRegistry(records, lineage);
}

const EARLIEST = '1900-01-01';

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The unit holding `code` on `date` (codes outlive mergers, so the date decides which holder is meant). */
async function unitIdByCode(tx: Queryable, tenantId: string, code: string, date: string): Promise<string> {
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM units WHERE tenant_id = $1 AND code = $2 AND (valid_from IS NULL OR valid_from <= $3) AND (valid_to IS NULL OR valid_to >= $3)
     ORDER BY valid_from DESC NULLS LAST LIMIT 1`,
    [tenantId, code, date],
  );
  const row =
    rows[0] ??
    (
      await tx.query<{ id: string }>(
        'SELECT id FROM units WHERE tenant_id = $1 AND code = $2 ORDER BY valid_from DESC NULLS LAST LIMIT 1',
        [tenantId, code],
      )
    )[0];
  if (!row)
    throw new ValidationError(
      {
        vi: `Bộ dữ liệu nhắc tới đơn vị hành chính mã ${code}, tệp địa phương không khai báo`,
        en: `The dataset refers to unit code ${code}, which the tenant file does not define`,
      },
      [{ path: 'unitCode', reason: { vi: `không có đơn vị mã ${code}`, en: `no unit with code ${code}` } }],
      'unknown_unit',
      { unitCode: code },
    );
  return row.id;
}

/**
 * A re-imported file's differences applied to the plan already stored, each audited with the file as its reason: an
 * edited target rewritten in place; a removed target retired (superseded from today, kept as history, no longer
 * counted); an added target inserted with its citation, derivations and notes, under its indicator (created, with
 * the file's documents it cites, when the plan lacks it). A new indicator's figures are not loaded by a re-import.
 */
async function applyDifferences(
  tx: Queryable,
  ctx: ServiceContext,
  tenantId: string,
  plan: { id: string; file: PlanFile },
  differences: TargetDifference[],
): Promise<void> {
  const f = plan.file;
  const reason = `dataset re-import (${f.file ?? f.plan.id})`;
  const docs = await insertPlanDocuments(tx, tenantId, plan.id, f.documents ?? []);
  for (const d of docs.filter((x) => x.created))
    await writeAudit(tx, ctx, { tenantId, action: 'create', entity: 'document', entityId: d.dbId, after: d, reason });
  const cites = new PlanCitations(docs);
  const unitId =
    (await tx.query<{ unit_id: string | null }>('SELECT unit_id FROM plans WHERE id = $1', [plan.id]))[0]?.unit_id ??
    null;
  const today = vietnamDateOf(ctx.now());
  for (const d of differences) {
    if (d.change === 'edited') {
      const after = d.after as { text: string; spec: TargetSpec };
      checkSpec(after.spec);
      await tx.query(
        'UPDATE targets SET spec = $3, text = $4, kind = $5, first_year = $6, last_year = $7 WHERE tenant_id = $1 AND id = $2',
        [
          tenantId,
          d.targetId,
          JSON.stringify(after.spec),
          after.text,
          after.spec.kind,
          after.spec.term.firstYear,
          after.spec.term.lastYear,
        ],
      );
      await writeAudit(tx, ctx, {
        tenantId,
        action: 'edit',
        entity: 'target',
        entityId: d.targetId ?? null,
        before: d.before,
        after: d.after,
        reason,
      });
    } else if (d.change === 'removed') {
      await tx.query("UPDATE targets SET stage = 'superseded', superseded_on = $3 WHERE tenant_id = $1 AND id = $2", [
        tenantId,
        d.targetId,
        today,
      ]);
      await writeAudit(tx, ctx, {
        tenantId,
        action: 'retire',
        entity: 'target',
        entityId: d.targetId ?? null,
        before: d.before,
        after: { stage: 'superseded', supersededOn: today },
        reason,
      });
    } else {
      const ind = (f.indicators ?? []).find((i) => i.code === d.indicator);
      const t = (ind?.targets ?? []).filter((x) => (x.stage ?? 'in_force') === 'in_force')[d.index];
      if (ind === undefined || t === undefined) continue;
      checkSpec(t.spec);
      const indicatorId = await indicatorOf(tx, ctx, tenantId, plan.id, ind, cites, reason);
      const order =
        (
          await tx.query<{ n: number }>(
            'SELECT coalesce(max(sort_order) + 1, 0)::int AS n FROM targets WHERE tenant_id = $1 AND indicator_id = $2',
            [tenantId, indicatorId],
          )
        )[0]?.n ?? 0;
      const targetId = await insertTarget(tx, tenantId, { planId: plan.id, indicatorId, unitId }, t, order, cites);
      for (const n of t.notes ?? []) await insertQualityNote(tx, tenantId, cites, 'target', targetId, n);
      await writeAudit(tx, ctx, {
        tenantId,
        action: 'create',
        entity: 'target',
        entityId: targetId,
        after: d.after,
        reason,
      });
    }
  }
}

/** The stored indicator of a file's indicator, created (after the plan's others, under its parent) when missing. */
async function indicatorOf(
  tx: Queryable,
  ctx: ServiceContext,
  tenantId: string,
  planId: string,
  ind: IndicatorFile,
  cites: PlanCitations,
  reason: string,
): Promise<string> {
  const byCode = async (code: string) =>
    (
      await tx.query<{ id: string }>('SELECT id FROM indicators WHERE tenant_id = $1 AND plan_id = $2 AND code = $3', [
        tenantId,
        planId,
        code,
      ])
    )[0]?.id;
  const known = await byCode(ind.code);
  if (known !== undefined) return known;
  const parentId = ind.parent ? ((await byCode(ind.parent)) ?? null) : null;
  const order =
    (
      await tx.query<{ n: number }>(
        'SELECT coalesce(max(sort_order) + 1, 0)::int AS n FROM indicators WHERE tenant_id = $1 AND plan_id = $2',
        [tenantId, planId],
      )
    )[0]?.n ?? 0;
  const id = await insertIndicator(tx, tenantId, planId, parentId, ind, order, cites);
  for (const n of ind.notes ?? []) await insertQualityNote(tx, tenantId, cites, 'indicator', id, n);
  await writeAudit(tx, ctx, {
    tenantId,
    action: 'create',
    entity: 'indicator',
    entityId: id,
    after: { code: ind.code, name: nfc(ind.name), unit: ind.unit ?? '' },
    reason,
  });
  return id;
}

type NoteFile = { kind?: string; text: string; lines?: number[]; source?: Citation };
type StoredDocument = PlanDocument & { dbId: string; created?: true };

/** The plan's documents as the file lists them; one already stored under its code is kept, not written again. */
async function insertPlanDocuments(
  tx: Queryable,
  tenantId: string,
  planId: string,
  documents: PlanDocument[],
): Promise<StoredDocument[]> {
  const stored = new Map(
    (
      await tx.query<{ id: string; code: string }>(
        'SELECT id, code FROM documents WHERE tenant_id = $1 AND plan_id = $2 AND code IS NOT NULL',
        [tenantId, planId],
      )
    ).map((r) => [r.code, r.id]),
  );
  const docs: StoredDocument[] = [];
  for (const d of documents) {
    const known = stored.get(d.id);
    if (known !== undefined) {
      docs.push({ ...d, dbId: known });
      continue;
    }
    const rows = await tx.query<{ id: string }>(
      `INSERT INTO documents (tenant_id, plan_id, code, kind, number, issued_on, issuer, title, url, file, publisher)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id`,
      [
        tenantId,
        planId,
        d.id,
        d.kind,
        d.number,
        d.date,
        d.issuer === null ? null : nfc(d.issuer),
        nfc(d.title),
        d.url ?? null,
        d.file ?? null,
        d.publisher === undefined ? null : nfc(d.publisher),
      ],
    );
    docs.push({ ...d, dbId: (rows[0] as { id: string }).id, created: true });
  }
  return docs;
}

async function insertQualityNote(
  tx: Queryable,
  tenantId: string,
  cites: PlanCitations,
  entity: string,
  entityId: string,
  n: NoteFile,
): Promise<void> {
  await tx.query(
    'INSERT INTO quality_notes (tenant_id, entity, entity_id, kind, text, provenance) VALUES ($1,$2,$3,$4,$5,$6)',
    [
      tenantId,
      entity,
      entityId,
      n.kind ?? 'data_quality',
      nfc(n.text),
      JSON.stringify({ lines: n.lines ?? [], ...(n.source ? { source: cites.citation(n) } : {}) }),
    ],
  );
}

async function insertIndicator(
  tx: Queryable,
  tenantId: string,
  planId: string,
  parentId: string | null,
  ind: IndicatorFile,
  order: number,
  cites: PlanCitations,
): Promise<string> {
  const direction = ind.direction ?? ind.targets?.[0]?.spec.direction ?? 'higher_better';
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO indicators (tenant_id, plan_id, parent_id, code, name, unit_of_measure, group_code, direction, measure, price_basis,
       aggregation_over_units, aggregation_over_time, composite_rule, sort_order, provenance, figure_rules,
       aggregation_method, baseline_consolidation)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18) RETURNING id`,
    [
      tenantId,
      planId,
      parentId,
      ind.code,
      nfc(ind.name),
      nfc(ind.unit ?? ''),
      ind.group ?? null,
      direction,
      ind.measure ?? 'level',
      ind.priceBasis ?? 'none',
      ind.aggregation?.overUnits ?? 'sum',
      ind.aggregation?.overTime ?? 'last',
      ind.compositeRule ?? null,
      order,
      cites.provenance(ind, ind.reportedVerdict ? { reportedVerdict: ind.reportedVerdict } : {}),
      JSON.stringify(ind.figureRules ?? {}),
      ...declarationColumns(ind),
    ],
  );
  return (rows[0] as { id: string }).id;
}

type TargetFile = NonNullable<IndicatorFile['targets']>[number];

/** One target with its document, stage, citation and derivations; its notes are the caller's. */
async function insertTarget(
  tx: Queryable,
  tenantId: string,
  at: { planId: string; indicatorId: string; unitId: string | null },
  t: TargetFile,
  order: number,
  cites: PlanCitations,
): Promise<string> {
  // The document that set the target: the one its citation names, else an inline document, else the plan's.
  const cited = t.source === undefined ? undefined : cites.byCode.get(t.source.document);
  const tDoc = cited?.dbId ?? (t.document ? await insertDocument(tx, tenantId, t.document) : null);
  const revisedBy = t.revisedBy === undefined ? undefined : cites.byCode.get(t.revisedBy.document);
  // A target set for another unit (a former unit, on a day it held the code) is stored at that unit: evaluated on its
  // figures, shown, and not counted in the plan's summary (core/plan-evaluation/counted.ts).
  const unitId = t.scope
    ? await unitIdByCode(tx, tenantId, t.scope.unit, t.scope.on ?? `${t.spec.term.firstYear}-01-01`)
    : at.unitId;
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO targets (tenant_id, plan_id, indicator_id, unit_id, document_id, kind, spec, text, first_year, last_year, sort_order, provenance,
       stage, revised_by_document_id, superseded_on, citation, derived)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17) RETURNING id`,
    [
      tenantId,
      at.planId,
      at.indicatorId,
      unitId,
      tDoc,
      t.spec.kind,
      JSON.stringify(t.spec),
      nfc(t.text),
      t.spec.term.firstYear,
      t.spec.term.lastYear,
      order,
      cites.provenance(t),
      t.stage ?? 'in_force',
      revisedBy?.dbId ?? null,
      t.revisedBy?.date ?? null,
      JSON.stringify(cites.citation(t)),
      t.derived === undefined ? null : JSON.stringify(t.derived),
    ],
  );
  return (rows[0] as { id: string }).id;
}

async function insertDocument(tx: Queryable, tenantId: string, d: DocumentRef): Promise<string> {
  const rows = await tx.query<{ id: string }>(
    'INSERT INTO documents (tenant_id, kind, number, issued_on, issuer, title) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id',
    [
      tenantId,
      d.kind,
      d.number ?? null,
      d.date ?? null,
      d.issuer ? nfc(d.issuer) : null,
      nfc(d.title ?? d.issuer ?? d.kind),
    ],
  );
  return (rows[0] as { id: string }).id;
}

async function importPlan(
  tx: Queryable,
  ctx: ServiceContext,
  tenantId: string,
  f: PlanFile,
  apply: boolean,
): Promise<ImportReport['plans'][number]> {
  const counts = {
    code: f.plan.id,
    created: false,
    indicators: 0,
    targets: 0,
    observations: 0,
    tasks: 0,
    projects: 0,
    breakthroughs: 0,
  };
  const existing = await tx.query<{ id: string; settings: Record<string, unknown> }>(
    'SELECT id, settings FROM plans WHERE tenant_id = $1 AND code = $2',
    [tenantId, f.plan.id],
  );
  const present = existing[0];
  if (present !== undefined) {
    // A plan already present is kept; the file's differences are shown, and applied only when asked.
    const differences = await targetDifferences(tx, tenantId, present.id, f);
    const applying = apply && differences.length > 0;
    if (applying) {
      await applyDifferences(tx, ctx, tenantId, { id: present.id, file: f }, differences);
      await recomputeEvaluations(tx, ctx, {
        plan: { id: present.id, tenant_id: tenantId, settings: present.settings },
        indicatorIds: null,
        causeVersionId: null,
      });
    }
    return { ...counts, differences, applied: applying };
  }
  counts.created = true;
  const refDate = `${f.plan.term.firstYear}-01-01`;
  const unitId = await unitIdByCode(tx, tenantId, f.plan.unitCode, refDate);
  const docId = f.plan.document
    ? await insertDocument(tx, tenantId, { ...f.plan.document, title: f.plan.document.title ?? f.plan.name })
    : null;
  const settings = {
    display: { exceededAs: f.plan.display?.exceededAs ?? 'exceeded' },
    progressMethod: f.plan.progressMethod ?? 'chitieu_default',
  };
  const planRows = await tx.query<{ id: string }>(
    `INSERT INTO plans (tenant_id, code, name, description, unit_id, first_year, last_year, document_id, settings, provenance)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`,
    [
      tenantId,
      f.plan.id,
      nfc(f.plan.name),
      f.plan.description ? nfc(f.plan.description) : null,
      unitId,
      f.plan.term.firstYear,
      f.plan.term.lastYear,
      docId,
      JSON.stringify(settings),
      f.plan.line === undefined ? null : JSON.stringify({ line: f.plan.line }),
    ],
  );
  const planId = (planRows[0] as { id: string }).id;
  const docs = await insertPlanDocuments(tx, tenantId, planId, f.documents ?? []);
  const cites = new PlanCitations(docs);
  if (f.plan.source !== undefined || docs.length > 0)
    await tx.query('UPDATE plans SET provenance = $1 WHERE id = $2', [cites.provenance(f.plan), planId]);
  const insertNote = (entity: string, entityId: string, n: NoteFile): Promise<void> =>
    insertQualityNote(tx, tenantId, cites, entity, entityId, n);

  const indicatorIds = new Map<string, string>();
  const pending: [string, string][] = [];
  let order = 0;
  for (const ind of f.indicators ?? []) {
    const parentId = ind.parent ? (indicatorIds.get(ind.parent) ?? null) : null;
    const indicatorId = await insertIndicator(tx, tenantId, planId, parentId, ind, order++, cites);
    indicatorIds.set(ind.code, indicatorId);
    counts.indicators++;
    let tOrder = 0;
    const targetIds: { id: string; document: string | undefined; stage: string }[] = [];
    for (const t of ind.targets ?? []) {
      const targetId = await insertTarget(tx, tenantId, { planId, indicatorId, unitId }, t, tOrder++, cites);
      const stage = t.stage ?? 'in_force';
      targetIds.push({ id: targetId, document: t.source?.document, stage });
      for (const n of t.notes ?? []) await insertNote('target', targetId, n);
      counts.targets++;
    }
    // A superseded target points at the target in force that the revising document set, when the plan has it.
    (ind.targets ?? []).forEach((t, i) => {
      // Only a revised target has a successor: without this, a target in force matched any other uncited target
      // (undefined === undefined) and was stored as superseded by itself.
      if (t.revisedBy === undefined) return;
      const successor = targetIds.find((x) => x.stage === 'in_force' && x.document === t.revisedBy?.document);
      const self = targetIds[i];
      if (successor !== undefined && self !== undefined) pending.push([self.id, successor.id]);
    });
    for (const o of ind.observations ?? []) {
      // Checked in full before the first write (checkDataset); here only its plausibility record is taken.
      const plausibility = checkDatasetFigure(ind, o, ctx.now()).checked?.plausibility ?? null;
      // A figure of another scope (a former unit) is stored at that unit, where a target of that scope reads it.
      const figureUnit = o.scope
        ? await unitIdByCode(tx, tenantId, o.scope.unit, o.scope.on ?? `${o.period.slice(0, 4)}-12-31`)
        : unitId;
      const obs = await tx.query<{ id: string }>(
        `INSERT INTO observations (tenant_id, indicator_id, unit_id, period) VALUES ($1,$2,$3,$4)
         ON CONFLICT (tenant_id, indicator_id, unit_id, period) DO UPDATE SET version = observations.version RETURNING id`,
        [tenantId, indicatorId, figureUnit, o.period],
      );
      const obsId = (obs[0] as { id: string }).id;
      const seqRows = await tx.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM observation_versions WHERE observation_id = $1',
        [obsId],
      );
      // Figures printed in the source document are published figures: they enter approved, with the document as source.
      await tx.query(
        `INSERT INTO observation_versions (tenant_id, observation_id, seq, value, value_qualifier, value_text, status, measure, price_basis, source_text,
           workflow_state, reason, approved_at, provenance)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,'approved','dataset import', now(), $11)`,
        [
          tenantId,
          obsId,
          (seqRows[0]?.n ?? 0) + 1,
          o.value ?? null,
          qualifierOf(o),
          o.text ? nfc(o.text) : null,
          o.status,
          o.measure ?? ind.measure ?? 'level',
          o.priceBasis ?? ind.priceBasis ?? 'none',
          cites.sourceText(o, f.plan.name),
          cites.provenance(o, { ...(o.asOf ? { asOf: o.asOf } : {}), ...(plausibility ? { plausibility } : {}) }),
        ],
      );
      for (const n of o.notes ?? []) await insertNote('observation', obsId, n);
      counts.observations++;
    }
    for (const n of ind.notes ?? []) await insertNote('indicator', indicatorId, n);
  }
  for (const [id, successor] of pending)
    await tx.query('UPDATE targets SET superseded_by = $1 WHERE id = $2', [successor, id]);
  // Sub-indicators listed before their parent: link them in a second pass.
  for (const ind of f.indicators ?? []) {
    if (ind.parent && indicatorIds.has(ind.parent)) {
      await tx.query('UPDATE indicators SET parent_id = $1 WHERE id = $2 AND parent_id IS NULL', [
        indicatorIds.get(ind.parent),
        indicatorIds.get(ind.code),
      ]);
    }
  }

  const taskIds = new Map<string, string>();
  order = 0;
  for (const t of f.tasks ?? []) {
    const parentCode = t.code.replace(/\.?[^.]+\.?$/, '');
    const parentId = parentCode ? (taskIds.get(parentCode) ?? taskIds.get(`${parentCode}.`) ?? null) : null;
    const rows = await tx.query<{ id: string }>(
      'INSERT INTO tasks (tenant_id, plan_id, parent_id, code, title, body, sort_order, provenance) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id',
      [tenantId, planId, parentId, t.code, nfc(t.title), t.body ? nfc(t.body) : null, order++, cites.provenance(t)],
    );
    taskIds.set(t.code, (rows[0] as { id: string }).id);
    counts.tasks++;
  }

  const projectIds = new Map<string, string>();
  order = 0;
  for (const p of f.projects ?? []) {
    const code = p.list !== undefined ? `${p.list}-${p.number}` : p.number;
    const rows = await tx.query<{ id: string }>(
      `INSERT INTO projects (tenant_id, plan_id, list_no, code, title, role, capital_source, budget_amount, provenance)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
      [
        tenantId,
        planId,
        p.list ?? null,
        code,
        nfc(p.name),
        p.role ?? 'lead',
        p.capitalSource ? nfc(p.capitalSource) : null,
        p.investment && /^-?\d+(\.\d+)?$/.test(p.investment) ? p.investment : null,
        cites.provenance(p as Placed),
      ],
    );
    projectIds.set(code, (rows[0] as { id: string }).id);
    counts.projects++;
  }

  order = 0;
  for (const b of f.breakthroughs ?? []) {
    const rows = await tx.query<{ id: string }>(
      'INSERT INTO breakthroughs (tenant_id, plan_id, code, title, body, sort_order, provenance) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id',
      [tenantId, planId, b.code, nfc(b.title), b.body ? nfc(b.body) : null, order++, cites.provenance(b)],
    );
    const bId = (rows[0] as { id: string }).id;
    counts.breakthroughs++;
    const links: [string, string[] | undefined, Map<string, string>][] = [
      ['task', b.links?.tasks, taskIds],
      ['project', b.links?.projects, projectIds],
      ['indicator', b.links?.indicators, indicatorIds],
    ];
    for (const [entity, codes, ids] of links) {
      for (const c of codes ?? []) {
        const id = ids.get(c);
        if (id)
          await tx.query(
            'INSERT INTO breakthrough_links (tenant_id, breakthrough_id, entity, entity_id) VALUES ($1,$2,$3,$4) ON CONFLICT DO NOTHING',
            [tenantId, bId, entity, id],
          );
      }
    }
  }
  for (const n of f.notes ?? []) await insertNote('plan', planId, n);
  await writeAudit(tx, ctx, {
    tenantId,
    action: 'import',
    entity: 'plan',
    entityId: planId,
    after: counts,
    reason: 'dataset import',
  });
  // The first stored evaluations: the baseline that later vintages are compared with.
  await recomputeEvaluations(tx, ctx, {
    plan: { id: planId, tenant_id: tenantId, settings },
    indicatorIds: null,
    causeVersionId: null,
  });
  return counts;
}

/** The two declaration columns of an indicator, parsed (the dataset check has already named any fault). */
function declarationColumns(ind: IndicatorFile): [string | null, string | null] {
  if (ind.consolidation === undefined) return [null, null];
  const method = parseAggregationMethod(ind.consolidation.method, `${ind.code}/consolidation/method`);
  const baseline =
    ind.consolidation.baseline === undefined
      ? null
      : parseBaselineDeclaration(ind.consolidation.baseline, method, `${ind.code}/consolidation/baseline`);
  return [JSON.stringify(method), baseline === null ? null : JSON.stringify(baseline)];
}
