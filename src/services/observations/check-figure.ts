// The one door every figure passes before it is stored (API enter and revise, CLI and API vintages, dataset and Excel
// imports): reads the figure as written, runs the core checks, asks for a confirmation and a reason when the figure
// is implausible, and returns the figure in the shape observation_versions stores.
import { checkFigure, type FigureRules, type Measure, type PlausibilityFlag } from '../../core/checks/figure-checks.ts';
import { parseFigureText, writtenFigure, type FigureText } from '../../core/checks/figure-text.ts';
import { NotFound, ValidationError, type FieldIssue } from '../../core/errors.ts';
import type { TargetSpec } from '../../core/targets/target.ts';
import type { Queryable } from '../../storage/db.ts';
import { loadFigureHistory, loadFigureSubject } from '../../storage/repositories/figure-checks-repo.ts';

export interface FigureSubject {
  measure: Measure;
  rules: FigureRules;
  targets: readonly TargetSpec[];
  history: readonly { period: string; value: string }[];
}

export interface FigureToCheck {
  /** The figure as written ("14,5", "8,3–8,5", "< 3,5", "102/275"), or already read (a dataset file's fields). */
  value: string | FigureText;
  period: string;
  publishedOn?: string | null;
  /** Set to accept a figure the checks flag as implausible; needs a reason. */
  confirmImplausible?: boolean;
  reason?: string | null;
}

/** The figure as stored: a value, or null with its range/bound in value_qualifier; its plausibility record. */
export interface CheckedFigure {
  value: string | null;
  qualifier: Record<string, unknown> | null;
  valueText: string;
  /** Null when nothing was flagged; else the flags, the confirmation and its reason (kept in the version's provenance). */
  plausibility: { flags: PlausibilityFlag[]; confirmed: true; reason: string } | null;
}

// Publication dates are Vietnamese calendar dates: "today" is today in Hà Nội, not in UTC (7 hours behind).
const VN_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
// An import judges every row at the same instant: formatting the date once, not once a row (Intl's format is a few
// microseconds, measurable at 100,000 rows).
let lastToday = { at: Number.NaN, text: '' };
const today = (now: Date): string => {
  const at = now.getTime();
  if (at !== lastToday.at) lastToday = { at, text: VN_DATE.format(now) };
  return lastToday.text;
};

function storedForm(f: FigureText, judged: string[]): Pick<CheckedFigure, 'value' | 'qualifier' | 'valueText'> {
  const valueText = writtenFigure(f);
  switch (f.form) {
    case 'value':
      return { value: f.value, qualifier: null, valueText };
    case 'range':
      return { value: null, qualifier: { range: { min: f.min, max: f.max } }, valueText };
    case 'bound':
      return { value: null, qualifier: { bound: { op: f.op, value: f.value } }, valueText };
    case 'count_of':
      // The share (or count) it stands for is the value; the count and total stay as the source wrote them.
      return { value: judged[0] ?? null, qualifier: { count: f.count, ofCount: f.of }, valueText };
  }
}

function refuse(code: string, issues: FieldIssue[], details: Record<string, unknown> = {}): never {
  const list = (k: 'vi' | 'en'): string => issues.map((i) => `${i.path}: ${i.reason[k]}`).join('; ');
  throw new ValidationError(
    code === 'implausible_figure'
      ? { vi: `Số liệu bất thường, cần xác nhận: ${list('vi')}`, en: `Implausible figure, confirm it: ${list('en')}` }
      : { vi: `Số liệu không hợp lệ: ${list('vi')}`, en: `Invalid figure: ${list('en')}` },
    issues,
    code,
    details,
  );
}

/** Checks a figure against a subject already in hand (the dataset import has it in its file). Throws on refusal. */
export function judgeFigure(subject: FigureSubject, input: FigureToCheck, now: Date): CheckedFigure {
  const figure = typeof input.value === 'string' ? parseFigureText(input.value, 'value') : input.value;
  const result = checkFigure({
    figure,
    period: input.period,
    publishedOn: input.publishedOn ?? null,
    today: today(now),
    indicator: { measure: subject.measure, rules: subject.rules },
    targets: subject.targets,
    history: subject.history,
  });
  if (result.issues.length > 0) refuse('invalid_figure', result.issues);
  const stored = storedForm(figure, result.judged);
  if (result.flags.length === 0) return { ...stored, plausibility: null };
  const reason = input.reason?.normalize('NFC').trim() ?? '';
  if (!input.confirmImplausible || reason.length === 0) {
    const issues: FieldIssue[] = result.flags.map((f) => ({ path: f.field, reason: f.messages }));
    if (input.confirmImplausible)
      issues.push({
        path: 'reason',
        reason: {
          vi: 'xác nhận số liệu bất thường cần nêu lý do',
          en: 'confirming an implausible figure needs a reason',
        },
      });
    refuse('implausible_figure', issues, { flags: result.flags, confirmWith: ['confirmImplausible', 'reason'] });
  }
  return { ...stored, plausibility: { flags: result.flags, confirmed: true, reason } };
}

/** Loads what the checks need for an indicator and unit, then judges the figure. */
export async function checkFigureFor(
  db: Queryable,
  at: { tenantId: string; indicatorId: string; unitId: string; now: Date },
  input: FigureToCheck,
): Promise<CheckedFigure> {
  const subject = await loadFigureSubject(db, at.tenantId, at.indicatorId);
  if (!subject) throw new NotFound({ vi: 'chỉ tiêu', en: 'Indicator' });
  const history = await loadFigureHistory(db, at.tenantId, at.indicatorId, at.unitId, input.period);
  return judgeFigure(
    {
      measure: subject.measure as Measure,
      rules: subject.rules as FigureRules,
      targets: subject.specs as TargetSpec[],
      history,
    },
    input,
    at.now,
  );
}
