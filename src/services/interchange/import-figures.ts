// Importing figures from a file (the agency's Excel template or the long CSV). Every row is read (streamed) and
// checked — through the same figure checks as the API (observations/check-figure.ts, judgeFigure) — and the checked
// figures are handed in batches to the bulk import's set-based writer (storage/repositories/bulk-figures-repo.ts,
// insertFigureBatch: the one way a bulk of figure versions is written), all in one transaction. Once a cell is
// refused nothing more is written, the reading goes on to name every bad cell, and the transaction is rolled back:
// all or nothing. Imported figures are submitted (they wait for an approver), never approved. A row whose figure
// equals the newest version is left alone, so importing the same file twice changes nothing. The import is audited
// once (file digest, counts); each version carries its sheet, row and the file's digest in its provenance. The
// answer stays small whatever the file's size: counts, the first accepted rows and refused cells; the whole list of
// accepted rows is stored, a chunk at a time as the import runs, with the import's record (migration 0023), and read
// back a page at a time (listImportedFigures).
import { createHash, randomUUID } from 'node:crypto';
import { hasReorderingControl, REORDERING_REASON } from '../../core/format/reordering-controls.ts';
import type { FigureRules, Measure } from '../../core/checks/figure-checks.ts';
import { ChitieuError, Forbidden, NotFound, ValidationError, type Messages } from '../../core/errors.ts';
import {
  parseDateCell,
  parseFigureCell,
  parsePeriodCell,
  parseStageCell,
  cellText,
  type CellResult,
  type RawCell,
} from '../../core/interchange/cells.ts';
import { SlotKeys } from '../../core/interchange/slot-keys.ts';
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
import {
  insertFigureBatch,
  takeBulkFigureTurn,
  type BulkFigure,
} from '../../storage/repositories/bulk-figures-repo.ts';
import {
  finishFigureImport,
  findFigureImport,
  insertAcceptedChunk,
  insertFigureImport,
  listAcceptedRows,
  type AcceptedTuple,
} from '../../storage/repositories/figure-imports-repo.ts';
import { decodeCursor, encodeCursor } from '../reference/paging.ts';
import { overlappedWrites } from '../imports/overlapped-writes.ts';
import { findPlanByCode, type PlanRow } from '../../storage/repositories/plans-repo.ts';
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

/** Accepted rows the answer lists itself (the first ones of the file); the whole list is in the import's record. */
export const ACCEPTED_IN_ANSWER = 1_000;
/** Refused cells the answer lists (the first ones); `counts.rejected` counts them all. */
export const REJECTED_IN_ANSWER = 10_000;
/** Accepted rows stored per chunk of the import's record (one statement each, beside the figures' batches). */
const ACCEPTED_CHUNK = 5_000;

export interface ImportResult {
  dryRun: boolean;
  /** True when the figures were written (nothing was refused and it was not a dry run). */
  applied: boolean;
  fileSha256: string | null;
  rows: number;
  /**
   * The stored record of an import that ran to the end (not a dry run, nothing refused): its whole list of accepted
   * rows is read a page at a time with `listImportedFigures` (GET /api/imports/{id}/figures). Null otherwise.
   */
  importId: string | null;
  /** The first accepted rows, at most ACCEPTED_IN_ANSWER (1,000), in the file's order; `counts` counts them all. */
  accepted: AcceptedFigure[];
  /** The refused cells, at most REJECTED_IN_ANSWER (10,000), in the file's order; `counts.rejected` counts them all. */
  rejected: RejectedCell[];
  counts: { new: number; revised: number; unchanged: number; rejected: number };
}

interface PlanContext {
  plan: PlanRow;
  indicators: Map<string, ImportIndicator>;
  targets: Map<string, TargetSpec[]>;
  units: Map<string, string>;
  /** The newest version of each slot of the plan, by the import's slot number. */
  newest: Map<number, NewestVersion>;
  /** The approved figures by indicator, then unit. */
  history: Map<string, Map<string, { period: string; value: string }[]>>;
}

const NO_HISTORY: readonly { period: string; value: string }[] = [];

async function loadPlanContext(
  ctx: ServiceContext,
  db: Queryable,
  planCode: string,
  slots: SlotKeys,
): Promise<PlanContext | null> {
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
  const historyMap = new Map<string, Map<string, { period: string; value: string }[]>>();
  for (const h of history) {
    let byUnit = historyMap.get(h.indicator_id);
    if (!byUnit) historyMap.set(h.indicator_id, (byUnit = new Map()));
    let list = byUnit.get(h.unit_id);
    if (!list) byUnit.set(h.unit_id, (list = []));
    list.push({ period: h.period, value: h.value });
  }
  return {
    plan,
    indicators: new Map(indicators.map((i) => [i.code, i])),
    targets: targetMap,
    units: new Map(units.map((u) => [u.code, u.id])),
    newest: new Map(newest.map((n) => [slots.key(n.indicator_id, n.unit_id, n.period), n])),
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
}

/**
 * Reads and checks every row, handing each checked one to `onChecked` as it goes (the caller writes it or not); the
 * refused cells are collected and returned.
 */
async function checkRows(
  ctx: ServiceContext,
  db: Queryable,
  rows: AsyncIterable<FigureFileRow> | Iterable<FigureFileRow>,
  onChecked: (c: Checked, rejectedSoFar: number) => Promise<void>,
  onRow?: (n: number) => void,
): Promise<{ rejected: RejectedCell[]; rejectedCount: number; rows: number }> {
  const scope = authorize(ctx.actor, 'data.import');
  const plans = new Map<string, PlanContext | null>();
  // The first REJECTED_IN_ANSWER refused cells are listed, all are counted: a file of bad cells is not held whole.
  const rejected: RejectedCell[] = [];
  let rejectedCount = 0;
  // The first row of each slot, to name a duplicate (by slot number: see SlotKeys).
  const slots = new SlotKeys();
  const seen = new Map<number, number>();
  let count = 0;
  const now = ctx.now();
  // The row being checked. The two helpers are made once, not once a row (a closure a row is measurable at 100,000).
  let file = undefined as unknown as FigureFileRow;
  const reject = (field: FigureField | 'row', reason: Messages): void => {
    rejectedCount += 1;
    if (rejected.length >= REJECTED_IN_ANSWER) return;
    rejected.push({
      sheet: file.sheet,
      row: file.row,
      column: field === 'row' ? '' : (file.columns[field] ?? field),
      value: field === 'row' ? '' : cellText(file.cells[field]).slice(0, 200),
      reason,
    });
  };
  const read = <T>(field: FigureField, r: CellResult<T>): T | undefined => {
    if (r.ok) return r.value;
    reject(field, r.reason);
    return undefined;
  };
  for await (const row of rows) {
    file = row;
    count += 1;
    onRow?.(count);
    let pc = plans.get(file.planCode);
    if (pc === undefined) {
      pc = await loadPlanContext(ctx, db, file.planCode, slots);
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
    if (source && hasReorderingControl(source)) reject('source', REORDERING_REASON);
    if (note && hasReorderingControl(note)) reject('note', REORDERING_REASON);
    if (period === undefined || figure === undefined || stage === undefined || publishedOn === undefined) continue;
    const key = slots.key(indicator.id, unitId, period);
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
          history: otherPeriods(pc.history.get(indicator.id)?.get(unitId) ?? NO_HISTORY, period),
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
    await onChecked(
      {
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
      },
      rejectedCount,
    );
  }
  return { rejected, rejectedCount, rows: count };
}

/** The slot's approved figures other than the period's own (usually none: no array made then). */
function otherPeriods(
  history: readonly { period: string; value: string }[],
  period: string,
): readonly { period: string; value: string }[] {
  return history.length === 0 ? history : history.filter((h) => h.period !== period);
}

/** The bulk writer's row for a checked figure. */
function bulkFigure(c: Checked, fileSha256: string | null): BulkFigure {
  return {
    indicatorId: c.indicator.id,
    unitId: c.unitId,
    period: c.accepted.period,
    value: c.value,
    qualifier: c.qualifier,
    valueText: c.valueText,
    status: c.stage,
    measure: c.indicator.measure,
    priceBasis: c.indicator.price_basis,
    publishedOn: c.publishedOn,
    provenance: { import: { sheet: c.file.sheet, row: c.file.row, fileSha256 } },
    sourceText: c.source,
    reason: c.note,
    dataType: 'administrative',
  };
}

/** Thrown inside the transaction to roll back what was written once a cell was refused; carries the result out. */
class Refused extends Error {
  constructor(readonly result: ImportResult) {
    super('refused');
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
    /** Figures handed to the bulk writer at a time (5,000). */
    batchSize?: number;
    /** Accepted rows stored per chunk of the import's record (5,000). */
    acceptedChunk?: number;
    fileSha256?: string | null;
    onRow?: (n: number) => void;
    /** Called as each batch of changed figures is written (inside the one transaction): done of those checked so far. */
    onWrite?: (done: number, total: number) => void;
  };
}): Promise<ImportResult> {
  authorize(ctx.actor, 'data.import');
  const fileSha256 = input.fileSha256 ?? null;
  const batchSize = input.batchSize ?? 5_000;
  const acceptedChunk = input.acceptedChunk ?? ACCEPTED_CHUNK;
  const run = async (tx: Queryable): Promise<ImportResult> => {
    // The answer keeps the first accepted rows; the whole list goes to the import's record a chunk at a time.
    const accepted: AcceptedFigure[] = [];
    const counts = { new: 0, revised: 0, unchanged: 0, rejected: 0 };
    // Batches by tenant (a file may name several plans; all are the actor's tenant's, but the writer takes one).
    const batches = new Map<string, BulkFigure[]>();
    const changedPlans = new Map<string, Set<string>>();
    let toWrite = 0;
    let writtenSoFar = 0;
    // The import's record: made with the first write (its tenant is the first checked row's), never for a dry run.
    const record = { id: randomUUID(), tenantId: null as string | null };
    let chunk: AcceptedTuple[] = [];
    let acceptedSoFar = 0;
    type Write =
      | { kind: 'record' }
      | { kind: 'figures'; tenantId: string; figures: BulkFigure[] }
      | { kind: 'accepted'; first: number; rows: AcceptedTuple[] };
    // Batch k is written while batch k+1 is read and checked (the database works on its own core meanwhile). The
    // writes keep their order: the record, then its chunks of accepted rows among the figures' batches.
    const writer = overlappedWrites(async (w: Write) => {
      if (w.kind === 'record') {
        // The first write: from here to the commit, no other bulk write of this tenant's figures runs beside it.
        await takeBulkFigureTurn(tx, record.tenantId as string);
        await insertFigureImport(tx, {
          id: record.id,
          tenantId: record.tenantId as string,
          actorId: ctx.actor.userId,
          actorLabel: ctx.actor.label,
          agencyId: ctx.actor.agencyId ?? null,
          fileSha256,
        });
        return 0;
      }
      if (w.kind === 'accepted') {
        await insertAcceptedChunk(tx, record.id, record.tenantId as string, w.first, w.rows);
        return 0;
      }
      const n = await insertFigureBatch(tx, w.tenantId, w.figures, {
        workflowState: 'submitted',
        enteredBy: ctx.actor.userId,
        sourceText: null,
      });
      writtenSoFar += n;
      input.onWrite?.(writtenSoFar, toWrite);
      return n;
    });
    const flush = async (tenantId: string): Promise<void> => {
      const figures = batches.get(tenantId) ?? [];
      batches.delete(tenantId);
      if (figures.length > 0) await writer.write({ kind: 'figures', tenantId, figures });
    };
    const flushAccepted = async (): Promise<void> => {
      if (chunk.length === 0) return;
      const rows = chunk;
      chunk = [];
      await writer.write({ kind: 'accepted', first: acceptedSoFar - rows.length, rows });
    };
    let checked: { rejected: RejectedCell[]; rejectedCount: number; rows: number };
    try {
      checked = await checkRows(
        ctx,
        tx,
        input.rows,
        async (c, rejectedSoFar) => {
          const a = c.accepted;
          if (accepted.length < ACCEPTED_IN_ANSWER) accepted.push(a);
          acceptedSoFar += 1;
          counts[a.outcome] += 1;
          if (a.outcome !== 'unchanged') {
            let plansOf = changedPlans.get(c.plan.tenant_id);
            if (!plansOf) changedPlans.set(c.plan.tenant_id, (plansOf = new Set()));
            plansOf.add(c.plan.code);
          }
          // Once a cell is refused nothing more is written (the transaction is rolled back at the end).
          if (input.dryRun || rejectedSoFar > 0) return;
          if (record.tenantId === null) {
            record.tenantId = c.plan.tenant_id;
            await writer.write({ kind: 'record' });
          }
          chunk.push([a.sheet, a.row, a.indicator, a.unit, a.period, a.value, a.stage, a.outcome]);
          if (chunk.length >= acceptedChunk) await flushAccepted();
          if (a.outcome === 'unchanged') return;
          toWrite += 1;
          let batch = batches.get(c.plan.tenant_id);
          if (!batch) batches.set(c.plan.tenant_id, (batch = []));
          batch.push(bulkFigure(c, fileSha256));
          if (batch.length >= batchSize) await flush(c.plan.tenant_id);
        },
        input.onRow,
      );
    } finally {
      // Whatever happened, the write in flight ends before the transaction does (commit or roll back).
      await writer.drain();
    }
    const { rejected, rejectedCount, rows } = checked;
    counts.rejected = rejectedCount;
    const result: ImportResult = {
      dryRun: input.dryRun === true,
      applied: false,
      fileSha256,
      rows,
      importId: null,
      accepted,
      rejected,
      counts,
    };
    if (rejectedCount > 0) {
      if (writtenSoFar > 0 || toWrite > 0 || record.tenantId !== null) throw new Refused(result);
      return result;
    }
    if (input.dryRun || rows === 0) return result;
    for (const tenantId of [...batches.keys()]) await flush(tenantId);
    await flushAccepted();
    const written = await writer.finish();
    result.applied = counts.new + counts.revised > 0;
    if (record.tenantId !== null) {
      await finishFigureImport(tx, record.id, rows, counts);
      result.importId = record.id;
    }
    for (const [tenantId, plans] of changedPlans)
      await writeAudit(tx, ctx, {
        tenantId,
        action: 'import',
        entity: 'observation',
        entityId: null,
        after: {
          file: { sha256: fileSha256 },
          importId: result.importId,
          plans: [...plans].sort(),
          rows,
          stored: written,
          new: counts.new,
          revised: counts.revised,
          unchanged: counts.unchanged,
          workflowState: 'submitted',
        },
        reason: 'import of a figures file',
      });
    return result;
  };
  // Checks and writes share one transaction: what was checked is what is written, even under concurrent entry.
  let result: ImportResult;
  try {
    result = await ctx.db.transaction(run);
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    result = e.result;
  }
  if (result.rows === 0) throw new NotFound({ vi: 'dòng số liệu nào trong tệp', en: 'any figure row in the file' });
  return result;
}

export interface ImportRecord {
  id: string;
  fileSha256: string | null;
  at: string;
  by: string;
  rows: number | null;
  counts: ImportResult['counts'] | null;
}

/**
 * The accepted rows of a stored import, in the file's order, a page at a time (the answer of a large import lists
 * only its first rows). Any of the tenant's for a role that imports for the tenant; an agency's for its editor.
 */
export async function listImportedFigures({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { importId: string; limit?: number; cursor?: string };
}): Promise<{ import: ImportRecord; items: AcceptedFigure[]; nextCursor: string | null }> {
  const scope = authorize(ctx.actor, 'data.import');
  const found = await findFigureImport(ctx.db, tenantFilter(ctx.actor), input.importId);
  if (!found) throw new NotFound({ vi: `lần nhập số liệu ${input.importId}`, en: `figures import ${input.importId}` });
  // An agency editor reads its own agency's imports.
  if (scope !== 'tenant' && (found.agency_id === null || found.agency_id !== ctx.actor.agencyId))
    throw new Forbidden({
      vi: 'Lần nhập này do cơ quan khác thực hiện',
      en: 'This import was made by another agency',
    });
  const limit = input.limit ?? 500;
  // The cursor is the position of the page's last row in the whole list.
  const after = decodeCursor(input.cursor)?.[0];
  const from = after === undefined ? 0 : /^\d{1,9}$/.test(after) ? Number(after) + 1 : -1;
  if (from < 0)
    throw new ValidationError(
      { vi: 'Con trỏ phân trang không hợp lệ', en: 'Invalid pagination cursor' },
      [{ path: 'querystring/cursor', reason: { vi: 'không hợp lệ', en: 'invalid' } }],
      'invalid_cursor',
    );
  const rows = await listAcceptedRows(ctx.db, found.id, from, limit + 1);
  const items = rows.slice(0, limit).map(({ r }) => ({
    sheet: r[0],
    row: r[1],
    indicator: r[2],
    unit: r[3],
    period: r[4],
    value: r[5],
    stage: r[6] as ObservationStatus,
    outcome: r[7] as AcceptedFigure['outcome'],
  }));
  const last = rows[limit - 1];
  return {
    import: {
      id: found.id,
      fileSha256: found.file_sha256,
      at: new Date(found.at).toISOString(),
      by: found.actor_label,
      rows: found.rows,
      counts: found.counts as ImportResult['counts'] | null,
    },
    items,
    nextCursor: rows.length > limit && last ? encodeCursor([String(last.pos)]) : null,
  };
}
