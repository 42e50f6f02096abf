// (b) provenance, mechanically: every figure (target, observation, verdict) names a source line that exists and whose
// text contains the figure's wording and its number written the Vietnamese way ("11.39" → "11,39", "1200000" → "1.200.000"),
// so a typo in either fails. The window is the line plus the next one (the PDF flattening wraps "14,5%" / "/năm"),
// or line..lineEnd (at most MAX_SPAN lines) where a wrapped table cell declares lineEnd. Text is compared NFC with all
// whitespace removed. (e) every reported verdict's status agrees with its wording.
import { describe, expect, it } from 'vitest';
import {
  MAX_SPAN,
  SOURCE,
  compact,
  containsNumber,
  planFiles,
  sourceWindow,
  specNumbers,
  tenantFiles,
  verdictStatus,
  viNumber,
  type Note,
  type PlanFile,
} from './dataset.ts';

const plans = planFiles();

function checkLine(where: string, line: number, lineEnd: number | undefined, problems: string[]): boolean {
  if (!Number.isInteger(line) || line < 1 || line > SOURCE.length) {
    problems.push(`${where}: line ${line} is not in the source (1..${SOURCE.length})`);
    return false;
  }
  if (lineEnd !== undefined && (lineEnd < line || lineEnd > line + MAX_SPAN || lineEnd > SOURCE.length)) {
    problems.push(`${where}: lineEnd ${lineEnd} must be within ${line}..${line + MAX_SPAN}`);
    return false;
  }
  return true;
}
function checkText(where: string, text: string, line: number, lineEnd: number | undefined, problems: string[]): void {
  if (!checkLine(where, line, lineEnd, problems)) return;
  if (!compact(sourceWindow(line, lineEnd)).includes(compact(text)))
    problems.push(`${where}: "${text}" is not at line ${line}${lineEnd ? `–${lineEnd}` : ''}`);
}
function checkNumber(where: string, vi: string, line: number, lineEnd: number | undefined, problems: string[]): void {
  if (!checkLine(where, line, lineEnd, problems)) return;
  if (!containsNumber(sourceWindow(line, lineEnd), vi))
    problems.push(`${where}: number ${vi} is not at line ${line}${lineEnd ? `–${lineEnd}` : ''}`);
}
function checkNotes(where: string, notes: Note[] | undefined, problems: string[]): void {
  for (const n of notes ?? []) for (const l of n.lines) checkLine(`${where} note`, l, undefined, problems);
}

function figureProblems(json: PlanFile): string[] {
  const problems: string[] = [];
  checkLine('plan', json.plan.line, undefined, problems);
  checkNotes('plan', json.notes, problems);
  for (const i of json.indicators) {
    const at = `indicator ${i.code}`;
    checkLine(at, i.line, i.lineEnd, problems);
    checkNotes(at, i.notes, problems);
    for (const [k, t] of i.targets.entries()) {
      const w = `${at} target ${k}`;
      checkText(w, t.text, t.line, t.lineEnd, problems);
      for (const { key, vi } of specNumbers(t)) {
        checkNumber(`${w} spec.${key}`, vi, t.line, t.lineEnd, problems);
        if (!compact(t.text).includes(compact(vi)) && !containsNumber(t.text, vi))
          problems.push(`${w}: spec.${key} ${vi} is not in its text "${t.text}"`);
      }
    }
    for (const [k, o] of (i.observations ?? []).entries()) {
      const w = `${at} observation ${k} (${o.period})`;
      checkText(w, o.text, o.line, o.lineEnd, problems);
      const nums = [o.value, o.range?.min, o.range?.max, o.bound?.value].filter(
        (v): v is string => typeof v === 'string',
      );
      if (nums.length === 0) problems.push(`${w}: no value, range or bound`);
      for (const v of nums) checkNumber(w, viNumber(v), o.line, o.lineEnd, problems);
    }
    const v = i.reportedVerdict;
    if (v) checkText(`${at} verdict`, v.text, v.line, v.lineEnd, problems);
  }
  const items: [string, { line: number; lineEnd?: number; title?: string; name?: string; notes?: Note[] }[]][] = [
    ['breakthrough', json.breakthroughs],
    ['task', json.tasks],
    ['project', json.projects],
  ];
  for (const [kind, list] of items) {
    for (const [k, item] of list.entries()) {
      const w = `${kind} ${k}`;
      checkNotes(w, item.notes, problems);
      if (!checkLine(w, item.line, item.lineEnd, problems)) continue;
      // the opening words of the title (or name) are written at its line (or the next two lines)
      const title = item.title ?? item.name ?? '';
      const opening = title.split(/\s+/).slice(0, 4).join(' ');
      const end = item.lineEnd ?? Math.min(item.line + 2, SOURCE.length);
      if (!compact(sourceWindow(item.line, end)).includes(compact(opening)))
        problems.push(`${w}: "${opening}…" is not at line ${item.line}`);
    }
  }
  return problems;
}

describe('helpers', () => {
  it('writes numbers the Vietnamese way', () => {
    expect(viNumber('11.39')).toBe('11,39');
    expect(viNumber('1200000')).toBe('1.200.000');
    expect(viNumber('118079.28')).toBe('118.079,28');
    expect(viNumber('-3.5')).toBe('-3,5');
    expect(viNumber('0.786')).toBe('0,786');
    expect(viNumber('100')).toBe('100');
  });
  it('finds numbers only as whole tokens', () => {
    expect(containsNumber('% 80 335/961 (35%) Đạt', '35')).toBe(true);
    expect(containsNumber('% 80 335/961 Đạt', '35')).toBe(false);
    expect(containsNumber('%/năm 11,39 Không', '11,3')).toBe(false);
    expect(containsNumber('%/năm 11,39 Không', '1,39')).toBe(false);
    expect(containsNumber('1.200.000 (giai đoạn', '200.000')).toBe(false);
    expect(containsNumber('xây dựng 02 hiện vật', '2')).toBe(true);
    expect(containsNumber('xây dựng 102 hiện vật', '2')).toBe(false);
  });
  it('catches a typo in a figure', () => {
    const file = plans.find((p) => p.name === 'hai-phong-2020-2025.json');
    expect(file).toBeDefined();
    if (!file) return;
    const copy = JSON.parse(file.text) as PlanFile;
    const first = copy.indicators[0];
    const obs = first?.observations?.[0];
    expect(obs?.value).toBe('11.39');
    if (!obs) return;
    obs.value = '11.93';
    expect(figureProblems(copy).some((p) => p.includes('11,93'))).toBe(true);
    obs.value = '11.39';
    obs.line += 10;
    expect(figureProblems(copy).length).toBeGreaterThan(0);
  });
});

describe('provenance of every figure', () => {
  it.each(plans.map((p) => [p.name, p] as const))('%s', (_name, { json }) => {
    expect(figureProblems(json)).toEqual([]);
  });
  it.each(tenantFiles().map((t) => [t.name, t] as const))('%s: lines exist', (_name, { json }) => {
    const problems: string[] = [];
    for (const u of json.units) if (u.line !== undefined) checkLine(`unit ${u.code}`, u.line, undefined, problems);
    for (const l of json.lineage)
      if (l.line !== undefined) checkLine(`lineage ${l.from}→${l.to}`, l.line, undefined, problems);
    for (const a of json.agencies) if (a.line !== undefined) checkLine(`agency ${a.code}`, a.line, undefined, problems);
    checkNotes('tenant', json.notes, problems);
    expect(problems).toEqual([]);
  });
});

describe('reported verdicts agree with their wording', () => {
  it('maps the wording', () => {
    expect(verdictStatus('Không đạt')).toBe('not_met');
    expect(verdictStatus('chưa đạt')).toBe('not_met');
    expect(verdictStatus('Vượt')).toBe('exceeded');
    expect(verdictStatus('Đạt')).toBe('met');
    expect(verdictStatus('dự kiến đều đạt và vượt chỉ tiêu')).toBe('met');
    expect(verdictStatus('đạt 108% so với chỉ tiêu Đại hội XVI')).toBe('met');
    expect(verdictStatus('tốt')).toBeNull();
  });
  it.each(plans.map((p) => [p.name, p] as const))('%s', (_name, { json }) => {
    const wrong = json.indicators
      .filter((i) => i.reportedVerdict)
      .map((i) => ({
        code: i.code,
        text: i.reportedVerdict?.text ?? '',
        status: i.reportedVerdict?.status,
        expected: verdictStatus(i.reportedVerdict?.text ?? ''),
      }))
      .filter((v) => v.expected !== v.status);
    expect(wrong).toEqual([]);
  });
  it('a plan that folds exceeded into "Đạt" uses "exceeded" only where the source says "Vượt"', () => {
    for (const { json } of plans.filter((p) => p.json.plan.display.exceededAs === 'met')) {
      for (const i of json.indicators)
        if (i.reportedVerdict?.status === 'exceeded') expect(i.reportedVerdict.text.toLowerCase()).toMatch(/^vượt/);
    }
  });
});
