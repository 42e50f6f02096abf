// The bulk import of figures from a CSV file (a statistics office's release: indicator code, unit code, period,
// value, stage, publication date): read as a stream (memory flat in the file size), every row through the same figure
// checks as a figure typed in (judgeFigure), stored set-based in batches, all in one transaction: a file with a bad
// row stores nothing and says which rows, fields and reasons. The figures enter as submitted, awaiting approval
// (four eyes), and the import is audited once with the file's digest.
//
// What it does not check that a single entry does: the jump from the figure's own history (that needs each slot's
// past figures, one lookup per row); the other checks (form, bounds, the indicator's rules, the targets' scale) run.
import { createHash } from 'node:crypto';
import type { FigureRules, Measure } from '../../core/checks/figure-checks.ts';
import { ChitieuError, NotFound, ValidationError, type FieldIssue } from '../../core/errors.ts';
import { SlotKeys } from '../../core/interchange/slot-keys.ts';
import type { TargetSpec } from '../../core/targets/target.ts';
import {
  insertFigureBatch,
  loadBulkSubjects,
  loadUnitCodes,
  takeBulkFigureTurn,
  type BulkFigure,
} from '../../storage/repositories/bulk-figures-repo.ts';
import { findPlanByCode } from '../../storage/repositories/plans-repo.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { checkAgency } from '../observations/access.ts';
import { judgeFigure } from '../observations/check-figure.ts';
import { overlappedWrites } from './overlapped-writes.ts';
import { authorize } from '../policy.ts';

export const FIGURE_CSV_HEADER = ['indicator', 'unit', 'period', 'value', 'status', 'published_on'] as const;
const STATUSES = new Set(['estimate', 'preliminary', 'official']);
const MAX_REPORTED = 50;

export interface ImportFiguresInput {
  planCode: string;
  /** The file's lines, header first (a stream: see readLines in the CLI or the benchmark). */
  lines: AsyncIterable<string>;
  /** Where the figures come from, kept on every version (e.g. the release's name). */
  sourceText: string;
  batchSize?: number;
}

export interface ImportFiguresReport {
  rows: number;
  stored: number;
  sha256: string;
}

/** Splits one CSV line (RFC 4180 quoting, comma separated). */
export function csvFields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

export async function importFiguresCsv({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ImportFiguresInput;
}): Promise<ImportFiguresReport> {
  const scope = authorize(ctx.actor, 'observation.enter');
  const tenantId = ctx.actor.tenantId;
  const now = ctx.now();
  const batchSize = input.batchSize ?? 5_000;
  return ctx.db.transaction(async (tx) => {
    const plan = tenantId ? await findPlanByCode(tx, tenantId, input.planCode) : null;
    if (!plan || !tenantId) throw new NotFound({ vi: `kế hoạch "${input.planCode}"`, en: `Plan "${input.planCode}"` });
    await takeBulkFigureTurn(tx, tenantId);
    const subjects = new Map((await loadBulkSubjects(tx, tenantId, plan.id)).map((s) => [s.code, s]));
    const units = new Map((await loadUnitCodes(tx, tenantId)).map((u) => [u.code, u.id]));
    const hash = createHash('sha256');
    const issues: FieldIssue[] = [];
    let batch: BulkFigure[] = [];
    let rows = 0;
    let line = 0;
    // The first line of each (indicator, unit, period): a second row for the same slot is named, as the template
    // import names it, not left to the database. A compact numeric key keeps a million rows in a few tens of MiB.
    const firstLine = new Map<number, number>();
    const slots = new SlotKeys();
    // One batch is written while the next is read and checked (PostgreSQL works on its own core meanwhile).
    const writer = overlappedWrites((figures: BulkFigure[]) =>
      insertFigureBatch(tx, tenantId, figures, {
        workflowState: 'submitted',
        enteredBy: ctx.actor.userId,
        sourceText: input.sourceText,
      }),
    );
    const flush = async (): Promise<void> => {
      const figures = batch;
      batch = [];
      if (issues.length === 0 && figures.length > 0) await writer.write(figures);
    };
    try {
      for await (const raw of input.lines) {
        line += 1;
        hash.update(raw).update('\n');
        const text = raw.normalize('NFC');
        if (line === 1) {
          if (
            csvFields(text)
              .map((h) => h.trim())
              .join(',') !== FIGURE_CSV_HEADER.join(',')
          ) {
            throw new ValidationError(
              {
                vi: `Dòng 1: tiêu đề phải là ${FIGURE_CSV_HEADER.join(',')}`,
                en: `Line 1: the header must be ${FIGURE_CSV_HEADER.join(',')}`,
              },
              [{ path: 'line 1', reason: { vi: 'tiêu đề sai', en: 'wrong header' } }],
              'invalid_csv_header',
            );
          }
          continue;
        }
        if (text.trim() === '') continue;
        rows += 1;
        const [indicator = '', unit = '', period = '', value = '', status = '', publishedOn = ''] = csvFields(text);
        const at = (field: string, vi: string, en: string): void => {
          if (issues.length < MAX_REPORTED) issues.push({ path: `line ${line} / ${field}`, reason: { vi, en } });
        };
        const subject = subjects.get(indicator.trim());
        const unitId = units.get(unit.trim());
        if (!subject)
          at(
            'indicator',
            `không có chỉ tiêu mã "${indicator}" trong kế hoạch`,
            `no indicator coded "${indicator}" in the plan`,
          );
        if (!unitId) at('unit', `không có đơn vị hành chính mã "${unit}"`, `no administrative unit coded "${unit}"`);
        if (!STATUSES.has(status.trim()))
          at(
            'status',
            `giai đoạn phải là estimate, preliminary hoặc official, nhận "${status}"`,
            `the stage must be estimate, preliminary or official, got "${status}"`,
          );
        if (!subject || !unitId || !STATUSES.has(status.trim())) continue;
        const slot = slots.key(subject.id, unitId, period.trim());
        const earlier = firstLine.get(slot);
        if (earlier !== undefined) {
          at(
            'period',
            `trùng với dòng ${earlier}: cùng chỉ tiêu, đơn vị và kỳ`,
            `duplicates line ${earlier}: same indicator, unit and period`,
          );
          continue;
        }
        firstLine.set(slot, line);
        try {
          checkAgency(ctx.actor, scope, subject.owner_agency_id);
          const checked = judgeFigure(
            {
              measure: subject.measure as Measure,
              rules: (subject.figure_rules ?? {}) as FigureRules,
              targets: subject.specs as TargetSpec[],
              history: [],
            },
            { value, period: period.trim(), publishedOn: publishedOn.trim() || null },
            now,
          );
          batch.push({
            indicatorId: subject.id,
            unitId,
            period: period.trim(),
            value: checked.value,
            qualifier: checked.qualifier,
            valueText: checked.valueText,
            status: status.trim(),
            measure: subject.measure,
            priceBasis: subject.price_basis,
            publishedOn: publishedOn.trim() || null,
            provenance: {
              import: 'csv',
              line,
              ...(checked.plausibility ? { plausibility: checked.plausibility } : {}),
            },
          });
        } catch (e) {
          if (!(e instanceof ChitieuError)) throw e;
          const detail = e instanceof ValidationError && e.issues.length > 0 ? e.issues : null;
          if (detail) for (const i of detail) at(i.path, i.reason.vi, i.reason.en);
          else at('value', e.message, e.message);
        }
        if (batch.length >= batchSize) await flush();
      }
    } finally {
      // Whatever happened, the write in flight ends before the transaction does (commit or roll back).
      await writer.drain();
    }
    await flush();
    const stored = await writer.finish();
    if (issues.length > 0) {
      throw new ValidationError(
        {
          vi: `Tệp có số liệu không hợp lệ; không lưu dòng nào (${issues.length}${issues.length >= MAX_REPORTED ? '+' : ''} lỗi)`,
          en: `The file has invalid figures; nothing was stored (${issues.length}${issues.length >= MAX_REPORTED ? '+' : ''} errors)`,
        },
        issues,
        'invalid_figures_file',
      );
    }
    const sha256 = hash.digest('hex');
    await writeAudit(tx, ctx, {
      tenantId,
      action: 'import',
      entity: 'observation',
      entityId: null,
      after: { plan: input.planCode, rows, stored, sha256, source: input.sourceText },
      reason: 'bulk import of figures (CSV)',
    });
    return { rows, stored, sha256 };
  });
}
