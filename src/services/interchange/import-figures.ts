// Importing figures from a file (the agency's Excel template or the long CSV). Two phases: every row is read and
// checked first — through the same figure checks as the API (observations/check-figure.ts, judgeFigure) — and only
// when no cell is refused are the figures written, all of them in one transaction. Imported figures are submitted
// (they wait for an approver), never approved. A row whose figure equals the newest version is left alone, so
// importing the same file twice changes nothing.
import { createHash } from 'node:crypto';
import type { FigureRules, Measure } from '../../core/checks/figure-checks.ts';
import { ChitieuError, NotFound, type Messages } from '../../core/errors.ts';
import {
  parseDateCell,
  parseFigureCell,
  parsePeriodCell,
  parseStageCell,
  cellText,
  type CellResult,
  type RawCell,
} from '../../core/interchange/cells.ts';
import type { TargetSpec } from '../../core/targets/target.ts';
import type { ObservationStatus } from '../../core/vocabulary.ts';
import type { Queryable } from '../../storage/db.ts';
import {
  loadApprovedHistory,
  loadImportIndicators,
  loadImportTargets,
  loadNewestVersions,
  loadUnitCodes,
  type ImportIndicator,
  type NewestVersion,
} from '../../storage/repositories/figure-import-repo.ts';
import { insertVersion } from '../../storage/repositories/observations-repo.ts';
import { findPlanByCode, type PlanRow } from '../../storage/repositories/plans-repo.ts';
import { upsertObservationSlot } from '../../storage/repositories/vintages-repo.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { judgeFigure } from '../observations/check-figure.ts';
import { authorize, tenantFilter } from '../policy.ts';

export const FIGURE_FIELDS = [
  'indicator',
  'unit',
  'period',
  'value',
  'stage',
  'source',
  'publishedOn',
  'note',
] as const;
export type FigureField = (typeof FIGURE_FIELDS)[number];

/** One row of a figures file as a reader found it: where it is, and the raw cells by field. */
export interface FigureFileRow {
  sheet: string;
  row: number;
  /** The column each field was read from ("E" in a sheet, "value" in a CSV), for the rejection list. */
  columns: Partial<Record<FigureField, string>>;
  cells: Partial<Record<FigureField, RawCell>>;
  /** The plan the row belongs to (a template's hidden key, or the plan named for a CSV). */
  planCode: string;
}

export interface AcceptedFigure {
  sheet: string;
  row: number;
  indicator: string;
  unit: string;
  period: string;
  value: string;
  stage: ObservationStatus;
  outcome: 'new' | 'revised' | 'unchanged';
}

export interface RejectedCell {
  sheet: string;
  row: number;
  column: string;
  value: string;
  reason: Messages;
}

export interface ImportResult {
  dryRun: boolean;
  /** True when the figures were written (nothing was refused and it was not a dry run). */
  applied: boolean;
  fileSha256: string | null;
  rows: number;
  accepted: AcceptedFigure[];
  rejected: RejectedCell[];
  counts: { new: number; revised: number; unchanged: number; rejected: number };
}

interface PlanContext {
  plan: PlanRow;
  indicators: Map<string, ImportIndicator>;
  targets: Map<string, TargetSpec[]>;
  units: Map<string, string>;
  newest: Map<string, NewestVersion>;
  history: Map<string, { period: string; value: string }[]>;
}

const slotKey = (indicatorId: string, unitId: string, period: string) => `${indicatorId}|${unitId}|${period}`;

async function loadPlanContext(ctx: ServiceContext, db: Queryable, planCode: string): Promise<PlanContext | null> {
  const plan = await findPlanByCode(db, tenantFilter(ctx.actor), planCode);
  if (!plan) return null;
  const [indicators, targets, units, newest, history] = await Promise.all([
    loadImportIndicators(db, plan.tenant_id, plan.id),
    loadImportTargets(db, plan.tenant_id, plan.id),
    loadUnitCodes(db, plan.tenant_id),
    loadNewestVersions(db, plan.tenant_id, plan.id),
    loadApprovedHistory(db, plan.tenant_id, plan.id),
  ]);
  const targetMap = new Map<string, TargetSpec[]>();
  for (const t of targets)
    targetMap.set(t.indicator_id, [...(targetMap.get(t.indicator_id) ?? []), t.spec as TargetSpec]);
  const historyMap = new Map<string, { period: string; value: string }[]>();
  for (const h of history) {
    const k = `${h.indicator_id}|${h.unit_id}`;
    let list = historyMap.get(k);
    if (!list) historyMap.set(k, (list = []));
    list.push({ period: h.period, value: h.value });
  }
  return {
    plan,
    indicators: new Map(indicators.map((i) => [i.code, i])),
    targets: targetMap,
    units: new Map(units.map((u) => [u.code, u.id])),
    newest: new Map(newest.map((n) => [slotKey(n.indicator_id, n.unit_id, n.period), n])),
    history: historyMap,
  };
}

interface Checked {
  file: FigureFileRow;
  accepted: AcceptedFigure;
  indicator: ImportIndicator;
  unitId: string;
  plan: PlanRow;
  value: string | null;
  qualifier: Record<string, unknown> | null;
  valueText: string;
  stage: ObservationStatus;
  source: string | null;
  publishedOn: string | null;
  note: string | null;
  newestSeq: number;
}

/** Reads and checks every row; nothing is written. */
async function checkRows(
  ctx: ServiceContext,
  db: Queryable,
  rows: AsyncIterable<FigureFileRow> | Iterable<FigureFileRow>,
  onRow?: (n: number) => void,
): Promise<{ checked: Checked[]; rejected: RejectedCell[]; rows: number }> {
  const scope = authorize(ctx.actor, 'data.import');
  const plans = new Map<string, PlanContext | null>();
  const checked: Checked[] = [];
  const rejected: RejectedCell[] = [];
  const seen = new Map<string, number>();
  let count = 0;
  const now = ctx.now();
  for await (const file of rows) {
    count += 1;
    onRow?.(count);
    const reject = (field: FigureField | 'row', reason: Messages) =>
      rejected.push({
        sheet: file.sheet,
        row: file.row,
        column: field === 'row' ? '' : (file.columns[field] ?? field),
        value: field === 'row' ? '' : cellText(file.cells[field]).slice(0, 200),
        reason,
      });
    const read = <T>(field: FigureField, r: CellResult<T>): T | undefined => {
      if (r.ok) return r.value;
      reject(field, r.reason);
      return undefined;
    };
    let pc = plans.get(file.planCode);
    if (pc === undefined) {
      pc = await loadPlanContext(ctx, db, file.planCode);
      plans.set(file.planCode, pc);
    }
    if (!pc) {
      reject('row', { vi: `không có nghị quyết mã "${file.planCode}"`, en: `no plan with code "${file.planCode}"` });
      continue;
    }
    const code = cellText(file.cells.indicator);
    const indicator = pc.indicators.get(code);
    if (!indicator) {
      reject('indicator', {
        vi: `không có chỉ tiêu mã "${code}" trong ${pc.plan.code}`,
        en: `no indicator "${code}" in ${pc.plan.code}`,
      });
      continue;
    }
    if (scope === 'agency' && indicator.owner_agency_id !== ctx.actor.agencyId) {
      reject('indicator', {
        vi: `chỉ tiêu "${code}" không thuộc cơ quan của người nhập`,
        en: `indicator "${code}" is not owned by your agency`,
      });
      continue;
    }
    const unitCode = cellText(file.cells.unit);
    // An empty unit is the plan's own unit (the province).
    const unitId = pc.units.get(unitCode === '' ? (pc.plan.unit_code ?? '') : unitCode);
    if (!unitId) {
      reject('unit', {
        vi: unitCode === '' ? 'cần mã đơn vị hành chính' : `không có đơn vị mã "${unitCode}"`,
        en: unitCode === '' ? 'a unit code is needed' : `no unit with code "${unitCode}"`,
      });
      continue;
    }
    const period = read('period', parsePeriodCell(file.cells.period));
    const figure = read('value', parseFigureCell(file.cells.value));
    const stage = read('stage', parseStageCell(file.cells.stage));
    const publishedOn = read('publishedOn', parseDateCell(file.cells.publishedOn));
    const source = cellText(file.cells.source) || null;
    const note = cellText(file.cells.note) || null;
    if (source && source.length > 500)
      reject('source', { vi: 'nguồn dài quá 500 ký tự', en: 'source longer than 500 characters' });
    if (note && note.length > 2000)
      reject('note', { vi: 'ghi chú dài quá 2000 ký tự', en: 'note longer than 2000 characters' });
    if (period === undefined || figure === undefined || stage === undefined || publishedOn === undefined) continue;
    const key = slotKey(indicator.id, unitId, period);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      reject('period', {
        vi: `trùng với dòng ${earlier}: cùng chỉ tiêu, đơn vị và kỳ`,
        en: `duplicates row ${earlier}: same indicator, unit and period`,
      });
      continue;
    }
    seen.set(key, file.row);
    let judged;
    try {
      judged = judgeFigure(
        {
          measure: indicator.measure as Measure,
          rules: (indicator.figure_rules ?? {}) as FigureRules,
          targets: pc.targets.get(indicator.id) ?? [],
          history: (pc.history.get(`${indicator.id}|${unitId}`) ?? []).filter((h) => h.period !== period),
        },
        { value: figure, period, publishedOn },
        now,
      );
    } catch (e) {
      if (!(e instanceof ChitieuError) || e.kind !== 'validation') throw e;
      const issues = e.issues.length > 0 ? e.issues : [{ path: 'value', reason: e.messages }];
      for (const i of issues)
        reject(i.path === 'publishedOn' ? 'publishedOn' : i.path === 'period' ? 'period' : 'value', i.reason);
      continue;
    }
    const newest = pc.newest.get(key);
    const same =
      newest !== undefined &&
      newest.value_text === judged.valueText &&
      newest.status === stage &&
      (newest.source_text ?? null) === source &&
      (newest.published_on ?? null) === publishedOn &&
      (newest.reason ?? null) === note;
    checked.push({
      file,
      accepted: {
        sheet: file.sheet,
        row: file.row,
        indicator: indicator.code,
        unit: unitCode || String(pc.plan.unit_code ?? ''),
        period,
        value: judged.valueText,
        stage,
        outcome: newest === undefined ? 'new' : same ? 'unchanged' : 'revised',
      },
      indicator,
      unitId,
      plan: pc.plan,
      value: judged.value,
      qualifier: judged.qualifier,
      valueText: judged.valueText,
      stage,
      source,
      publishedOn,
      note,
      newestSeq: newest?.seq ?? 0,
    });
  }
  return { checked, rejected, rows: count };
}

/** Writes every checked figure that changes something, in the caller's transaction. */
async function applyRows(
  tx: Queryable,
  ctx: ServiceContext,
  checked: Checked[],
  fileSha256: string | null,
  onWrite?: (done: number, total: number) => void,
): Promise<void> {
  const total = checked.filter((c) => c.accepted.outcome !== 'unchanged').length;
  let done = 0;
  for (const c of checked) {
    if (c.accepted.outcome === 'unchanged') continue;
    onWrite?.(++done, total);
    const obs = await upsertObservationSlot(tx, {
      tenantId: c.plan.tenant_id,
      indicatorId: c.indicator.id,
      unitId: c.unitId,
      period: c.accepted.period,
    });
    const seq = c.newestSeq + 1;
    const versionId = await insertVersion(tx, {
      tenantId: c.plan.tenant_id,
      observationId: obs.id,
      seq,
      value: c.value,
      valueQualifier: c.qualifier,
      valueText: c.valueText,
      status: c.stage,
      reason: c.note,
      sourceText: c.source,
      evidenceUrl: null,
      enteredBy: ctx.actor.userId,
      measure: c.indicator.measure,
      priceBasis: c.indicator.price_basis,
      changeKind: 'vintage',
      publishedOn: c.publishedOn,
      workflowState: 'submitted',
      provenance: { import: { sheet: c.file.sheet, row: c.file.row, fileSha256 } },
    });
    await writeAudit(tx, ctx, {
      tenantId: c.plan.tenant_id,
      action: 'import',
      entity: 'observation',
      entityId: obs.id,
      after: {
        versionId,
        seq,
        period: c.accepted.period,
        value: c.value,
        valueText: c.valueText,
        status: c.stage,
        workflowState: 'submitted',
        file: { sha256: fileSha256, sheet: c.file.sheet, row: c.file.row },
      },
      reason: c.note,
    });
  }
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Imports the rows of a figures file: checks all, then writes all or nothing. With `dryRun` only the checks run.
 * The rows may be streamed (an async iterable), so a large file is not held in memory as a workbook.
 */
export async function importFigures({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    rows: AsyncIterable<FigureFileRow> | Iterable<FigureFileRow>;
    dryRun?: boolean;
    fileSha256?: string | null;
    onRow?: (n: number) => void;
    /** Called as each changed figure is written (inside the one transaction): done of total. */
    onWrite?: (done: number, total: number) => void;
  };
}): Promise<ImportResult> {
  authorize(ctx.actor, 'data.import');
  const run = async (tx: Queryable): Promise<ImportResult> => {
    const { checked, rejected, rows } = await checkRows(ctx, tx, input.rows, input.onRow);
    const counts = { new: 0, revised: 0, unchanged: 0, rejected: rejected.length };
    for (const c of checked) counts[c.accepted.outcome] += 1;
    const apply = rejected.length === 0 && !input.dryRun && rows > 0;
    if (apply) await applyRows(tx, ctx, checked, input.fileSha256 ?? null, input.onWrite);
    return {
      dryRun: input.dryRun === true,
      applied: apply && counts.new + counts.revised > 0,
      fileSha256: input.fileSha256 ?? null,
      rows,
      accepted: checked.map((c) => c.accepted),
      rejected,
      counts,
    };
  };
  // Checks and writes share one transaction: what was checked is what is written, even under concurrent entry.
  const result = await ctx.db.transaction(run);
  if (result.rows === 0) throw new NotFound({ vi: 'dòng số liệu nào trong tệp', en: 'any figure row in the file' });
  return result;
}
