// What a dataset must satisfy beyond its JSON Schema before any of it is written: codes unique, references known,
// each indicator's measure fit for its targets, and every figure through the same checks as a figure typed in.
// Each problem names file, plan, indicator code, field and reason in both languages.
import { declarationIssues } from '../../core/consolidation/declaration.ts';
import { measureMisfit, type Measure } from '../../core/checks/figure-checks.ts';
import type { FigureText } from '../../core/checks/figure-text.ts';
import { isChitieuError, ValidationError, type FieldIssue, type Messages } from '../../core/errors.ts';
import type { ThresholdOp } from '../../core/targets/target.ts';
import { judgeFigure, type CheckedFigure } from '../observations/check-figure.ts';
import type { Citation, Dataset, IndicatorFile, PlanFile } from './dataset-types.ts';

/** At most this many problems are listed: enough to fix a file in one pass. */
const MAX_ISSUES = 30;

type Observation = NonNullable<IndicatorFile['observations']>[number];

function at(file: string, plan: string, code: string | null, field: string, reason: Messages): FieldIssue {
  const where = {
    vi: [`tệp ${file}`, `nghị quyết ${plan}`, code === null ? null : `chỉ tiêu ${code}`, `trường ${field}`],
    en: [`file ${file}`, `plan ${plan}`, code === null ? null : `indicator ${code}`, `field ${field}`],
  };
  return {
    path: [file, plan, code, field].filter((x) => x !== null).join(' / '),
    reason: {
      vi: `${where.vi.filter(Boolean).join(', ')}: ${reason.vi}`,
      en: `${where.en.filter(Boolean).join(', ')}: ${reason.en}`,
    },
  };
}

/** A dataset figure as the checks read it: a value, or the bound or range the source gave instead. */
export function figureOf(o: Observation): FigureText | null {
  if (o.value !== null) return { form: 'value', value: o.value };
  if (o.bound) return { form: 'bound', op: o.bound.op as ThresholdOp, value: o.bound.value };
  if (o.range) return { form: 'range', min: o.range.min, max: o.range.max };
  return null;
}

/** Checks one figure of an indicator of a plan file; the stored shape, or the problems found. */
export function checkDatasetFigure(
  ind: IndicatorFile,
  o: Observation,
  now: Date,
): { checked: CheckedFigure | null; reasons: FieldIssue[] } {
  const figure = figureOf(o);
  if (figure === null)
    return {
      checked: null,
      reasons: [{ path: 'value', reason: { vi: 'thiếu giá trị, cận hoặc khoảng', en: 'no value, bound or range' } }],
    };
  try {
    const checked = judgeFigure(
      {
        measure: (o.measure ?? ind.measure ?? 'level') as Measure,
        rules: ind.figureRules ?? {},
        targets: (ind.targets ?? []).map((t) => t.spec),
        history: [],
      },
      {
        value: figure,
        period: o.period,
        ...(o.plausibilityConfirmed ? { confirmImplausible: true, reason: o.plausibilityConfirmed } : {}),
      },
      now,
    );
    return { checked, reasons: [] };
  } catch (e) {
    if (isChitieuError(e) && e.issues.length > 0) return { checked: null, reasons: e.issues };
    throw e;
  }
}

/**
 * Every citation names one of the plan's documents; a bare `line` needs the plan's default document when the plan
 * lists documents; at most one default; a superseded target names the later document that revised it.
 */
function checkCitations(f: PlanFile, file: string, out: FieldIssue[]): void {
  const plan = f.plan.id;
  const docs = f.documents;
  if (docs === undefined) return;
  const ids = new Set<string>();
  for (const d of docs) {
    if (ids.has(d.id))
      out.push(
        at(file, plan, null, `documents[${d.id}]`, {
          vi: `mã văn bản "${d.id}" bị trùng`,
          en: `document id "${d.id}" appears twice`,
        }),
      );
    ids.add(d.id);
  }
  const defaults = docs.filter((d) => d.default === true);
  if (defaults.length > 1)
    out.push(
      at(file, plan, null, 'documents.default', {
        vi: `chỉ một văn bản được là văn bản mặc định, có ${defaults.length}`,
        en: `only one document may be the default, found ${defaults.length}`,
      }),
    );
  const cite = (code: string | null, field: string, r: { line?: number; source?: Citation } | null | undefined) => {
    if (!r) return;
    if (r.source !== undefined && !ids.has(r.source.document))
      out.push(
        at(file, plan, code, `${field}.source.document`, {
          vi: `văn bản "${r.source.document}" không có trong danh sách documents của nghị quyết`,
          en: `document "${r.source.document}" is not in the plan's documents`,
        }),
      );
    if (r.source === undefined && r.line !== undefined && defaults.length === 0)
      out.push(
        at(file, plan, code, `${field}.line`, {
          vi: 'có số dòng nhưng nghị quyết không có văn bản mặc định (documents[].default) để dòng đó thuộc về',
          en: 'has a line but the plan has no default document (documents[].default) the line belongs to',
        }),
      );
  };
  cite(null, 'plan', f.plan);
  for (const ind of f.indicators ?? []) {
    cite(ind.code, 'indicator', ind);
    cite(ind.code, 'reportedVerdict', ind.reportedVerdict);
    (ind.targets ?? []).forEach((t, i) => {
      cite(ind.code, `targets[${i}]`, t);
      if (t.revisedBy !== undefined && !ids.has(t.revisedBy.document))
        out.push(
          at(file, plan, ind.code, `targets[${i}].revisedBy.document`, {
            vi: `văn bản "${t.revisedBy.document}" không có trong danh sách documents của nghị quyết`,
            en: `document "${t.revisedBy.document}" is not in the plan's documents`,
          }),
        );
      if ((t.stage === 'superseded') !== (t.revisedBy !== undefined))
        out.push(
          at(file, plan, ind.code, `targets[${i}].stage`, {
            vi: 'mục tiêu đã được thay thế (superseded) phải nêu văn bản thay thế (revisedBy), và chỉ khi đó',
            en: 'a superseded target names the document that revised it (revisedBy), and only then',
          }),
        );
      for (const n of t.notes ?? []) cite(ind.code, `targets[${i}].notes`, n);
    });
    for (const o of ind.observations ?? []) cite(ind.code, `observations[${o.period}]`, o);
    for (const n of ind.notes ?? []) cite(ind.code, 'notes', n);
  }
  for (const n of f.notes ?? []) cite(null, 'notes', n);
}

function checkPlan(f: PlanFile, knownTenants: Set<string>, now: Date, out: FieldIssue[]): void {
  const file = f.file ?? `${f.plan.id}.json`;
  const plan = f.plan.id;
  checkCitations(f, file, out);
  if (!knownTenants.has(f.tenant))
    out.push(
      at(file, plan, null, 'tenant', {
        vi: `địa phương "${f.tenant}" không có trong tệp tenants nào và chưa có trong cơ sở dữ liệu`,
        en: `tenant "${f.tenant}" is in no tenant file and not in the database`,
      }),
    );
  const codes = new Set<string>();
  for (const ind of f.indicators ?? []) {
    if (codes.has(ind.code))
      out.push(
        at(file, plan, ind.code, 'code', {
          vi: `mã chỉ tiêu "${ind.code}" bị trùng trong nghị quyết`,
          en: `indicator code "${ind.code}" appears twice in the plan`,
        }),
      );
    codes.add(ind.code);
  }
  for (const ind of f.indicators ?? []) {
    if (ind.parent && !codes.has(ind.parent))
      out.push(
        at(file, plan, ind.code, 'parent', {
          vi: `chỉ tiêu cha "${ind.parent}" không có trong nghị quyết`,
          en: `parent indicator "${ind.parent}" is not in the plan`,
        }),
      );
    if (ind.consolidation !== undefined)
      for (const issue of declarationIssues(ind.consolidation, 'consolidation'))
        out.push(at(file, plan, ind.code, issue.path, issue.reason));
    const measure = (ind.measure ?? 'level') as Measure;
    (ind.targets ?? []).forEach((t, i) => {
      const misfit = measureMisfit(t.spec, measure);
      if (misfit) out.push(at(file, plan, ind.code, `targets[${i}].spec.kind / measure`, misfit));
      // A benchmark-relative target reads another indicator of the plan: it must be there (with its figures).
      if (t.spec.kind === 'benchmark' && !codes.has(t.spec.benchmark.indicator))
        out.push(
          at(file, plan, ind.code, `targets[${i}].spec.benchmark.indicator`, {
            vi: `chuẩn so sánh "${t.spec.benchmark.indicator}" không phải chỉ tiêu của kế hoạch (cần khai báo nó cùng số liệu và nguồn)`,
            en: `benchmark "${t.spec.benchmark.indicator}" is not an indicator of the plan (declare it with its figures and their source)`,
          }),
        );
    });
    if (out.length > 0) continue;
    for (const o of ind.observations ?? []) {
      for (const r of checkDatasetFigure(ind, o, now).reasons)
        out.push(at(file, plan, ind.code, `observations[${o.period}].${r.path}`, r.reason));
    }
  }
}

/**
 * Everything wrong with a dataset that its schema cannot see, in one typed error; `storedTenants` are the tenant
 * codes already in the database (a plan may belong to a tenant loaded earlier).
 */
export function checkDataset(input: Dataset, storedTenants: readonly string[], now: Date): void {
  const out: FieldIssue[] = [];
  const tenants = new Set(storedTenants);
  const seenTenants = new Set<string>();
  for (const t of input.tenants) {
    const file = t.file ?? `${t.tenant.code}.json`;
    if (seenTenants.has(t.tenant.code))
      out.push({
        path: `${file} / tenant.code`,
        reason: {
          vi: `tệp ${file}: mã địa phương "${t.tenant.code}" trùng với một tệp khác`,
          en: `file ${file}: tenant code "${t.tenant.code}" is also in another file`,
        },
      });
    seenTenants.add(t.tenant.code);
    tenants.add(t.tenant.code);
  }
  const seenPlans = new Map<string, string>();
  for (const p of input.plans) {
    const file = p.file ?? `${p.plan.id}.json`;
    const other = seenPlans.get(`${p.tenant}/${p.plan.id}`);
    if (other !== undefined)
      out.push(
        at(file, p.plan.id, null, 'plan.id', {
          vi: `mã nghị quyết "${p.plan.id}" trùng với tệp ${other}`,
          en: `plan code "${p.plan.id}" is also used by file ${other}`,
        }),
      );
    seenPlans.set(`${p.tenant}/${p.plan.id}`, file);
    checkPlan(p, tenants, now, out);
  }
  const first = out[0];
  if (!first) return;
  throw new ValidationError(
    {
      vi: `Bộ dữ liệu có ${out.length} lỗi, chưa ghi gì: ${first.reason.vi}`,
      en: `The dataset has ${out.length} problems; nothing was written: ${first.reason.en}`,
    },
    out.slice(0, MAX_ISSUES),
    'invalid_dataset',
  );
}
