// Proves the bundled plan of the merged city for 2025–2030 matches its source document: every count is found again
// by scanning the source text, and every target's wording and figure sit on the line it cites.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TargetSpec } from '../../src/core/targets/target.ts';

interface Note {
  kind: string;
  text: string;
  lines: number[];
}
interface Indicator {
  code: string;
  parent: string | null;
  name: string;
  group: string;
  compositeRule: 'all_children_met' | 'own_target';
  line: number;
  targets: { text: string; line: number; lineEnd?: number; spec: TargetSpec; derived?: Record<string, string> }[];
  notes: Note[];
}
interface Plan {
  plan: { id: string; unitCode: string; term: { firstYear: number; lastYear: number }; line: number };
  indicators: Indicator[];
  breakthroughs: {
    code: string;
    title: string;
    body: string;
    line: number;
    links: { tasks: string[]; projects: string[]; indicators: string[] };
  }[];
  tasks: { code: string; parent: string | null; title: string; body: string | null; line: number; lineEnd?: number }[];
  projects: {
    list: number;
    number: string;
    name: string;
    role: 'lead' | 'coordinate';
    line: number;
    lineEnd?: number;
    notes?: Note[];
  }[];
  notes: Note[];
}

const root = new URL('../../', import.meta.url);
const plan = JSON.parse(readFileSync(new URL('data/plans/hai-phong-2025-2030.json', root), 'utf8')) as Plan;
const source = readFileSync(new URL('../shared/source/000_fcfbe4c97d396d0a.txt', root), 'utf8').split('\n');

/** 1-based line of the source. */
const line = (n: number): string => source[n - 1] ?? '';
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
/** The first line (1-based) at or after `from` that matches. */
function find(re: RegExp, from = 1): number {
  const i = source.findIndex((s, k) => k + 1 >= from && re.test(s));
  if (i < 0) throw new Error(`not in the source: ${re}`);
  return i + 1;
}
function linesBetween(first: number, last: number): { n: number; s: string }[] {
  return source.slice(first - 1, last).map((s, k) => ({ n: first + k, s }));
}
/** Vietnamese number as written ("14,5", "11.380") to a decimal string with a dot. */
const viNumber = (s: string): string => (/^\d{1,3}(\.\d{3})+$/.test(s) ? s.replace(/\./g, '') : s.replace(',', '.'));
const trimZeros = (s: string): string => s.replace(/^0+(?=\d)/, '');

// Section boundaries, found in the source rather than typed in.
const partTwo = find(/^PHẦN THỨ HAI/);
const targetsStart = find(/^3\. Các chỉ tiêu chủ yếu/, partTwo);
const partyStart = find(/^a\) Các chỉ tiêu xây dựng Đảng/, targetsStart);
const socioStart = find(/^b\) Các chỉ tiêu phát triển kinh tế/, partyStart);
const tasksStart = find(/^II\. CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU/, socioStart);
const breakthroughsStart = find(/^III\. CÁC ĐỘT PHÁ CHIẾN LƯỢC/, tasksStart);
const appendix1 = find(/PHỤ LỤC 1/, breakthroughsStart);
const appendix4 = find(/PHỤ LỤC 4/, appendix1);
const list2Start = find(/^2\. Các dự án, công trình thành phố phối hợp/, appendix4);

/** The numbered items "(1) …" of a block, each with its full text (page breaks and footnotes removed). */
function numberedItems(first: number, last: number): { no: number; line: number; text: string }[] {
  const items: { no: number; line: number; text: string }[] = [];
  let inFootnote = false;
  for (const { n, s } of linesBetween(first, last)) {
    const m = /^\((\d+)\)\s+(.*)$/.exec(s);
    if (m) {
      items.push({ no: Number(m[1]), line: n, text: m[2] ?? '' });
      inFootnote = false;
      continue;
    }
    // A page break: a line of blanks, then footnotes, until the text resumes on a line that starts with a space.
    if (/^\s{20,}$/.test(s)) {
      inFootnote = true;
      continue;
    }
    if (inFootnote && /^\S/.test(s)) continue;
    inFootnote = false;
    const last = items.at(-1);
    if (last && s.trim() !== '') last.text += ` ${s.trim()}`;
  }
  return items;
}

/** How many separate figures an item of I.3 states: ranges "a - b" count once; years, "(tương ứng x/y)" and a
 * trailing footnote marker are not figures. */
function figuresIn(text: string): number {
  const cleaned = text
    .replace(/\(tương ứng[^)]*\)/g, ' ')
    .replace(/\b20\d\d\s*-\s*20\d\d\b/g, ' ')
    .replace(/\b20\d\d\b/g, ' ')
    .replace(/\s\d{2,3}\.?\s*$/, ' ');
  return (cleaned.match(/\d+(?:[.,]\d+)*(?:\s*-\s*\d+(?:[.,]\d+)*)?/g) ?? []).length;
}

const spanEnd = (t: { line: number; lineEnd?: number }): number => t.lineEnd ?? t.line;

const byCode = new Map(plan.indicators.map((i) => [i.code, i]));
const childrenOf = (code: string): Indicator[] => plan.indicators.filter((i) => i.parent === code);
/** The atomic targets under a top-level code: the indicator itself if it has a target, plus its children. */
const atomsOf = (code: string): Indicator[] =>
  [byCode.get(code), ...childrenOf(code)].filter((i): i is Indicator => !!i && i.targets.length > 0);
const narrative = plan.indicators.filter((i) => /^N\d+$/.test(i.code));

describe('the plan of the merged city, 2025–2030', () => {
  it('is the plan of unit 31 for 2026–2030, citing the title of Part two', () => {
    expect(plan.plan.id).toBe('hai-phong-2025-2030');
    expect(plan.plan.unitCode).toBe('31');
    expect(plan.plan.term).toEqual({ firstYear: 2026, lastYear: 2030 });
    expect(plan.plan.line).toBe(partTwo);
  });

  it('holds the 2 Party-building targets of I.3 a), each split into as many targets as it states figures', () => {
    const items = numberedItems(partyStart + 1, socioStart - 1);
    expect(items.map((x) => x.no)).toEqual([1, 2]);
    for (const item of items) {
      const atoms = atomsOf(`a${item.no}`);
      expect(atoms.length, `a${item.no}: ${item.text}`).toBe(figuresIn(item.text));
      expect(byCode.get(`a${item.no}`)?.line).toBe(item.line);
    }
  });

  it('holds the 18 socio-economic targets of I.3 b), each split into as many atomic targets as it states figures', () => {
    const items = numberedItems(socioStart + 1, tasksStart - 1);
    expect(items.map((x) => x.no)).toEqual(Array.from({ length: 18 }, (_, k) => k + 1));
    let atomic = 0;
    for (const item of items) {
      const code = String(item.no);
      const atoms = atomsOf(code);
      expect(atoms.length, `(${code}) ${item.text}`).toBe(figuresIn(item.text));
      expect(byCode.get(code)?.line).toBe(item.line);
      for (const a of atoms)
        expect(['economy', 'society', 'environment', 'defence_security'], a.code).toContain(a.group);
      atomic += atoms.length;
    }
    expect(atomic).toBe(29);
    expect(atomsOf('1').map((i) => i.code)).toEqual(['1', '1.1', '1.2', '1.3', '1.4', '1.5']);
  });

  it('splits target (1) into overall growth 14–14.5 %/yr, four sector rates and the 6.6 % share of GDP', () => {
    const specs = atomsOf('1').map((i) => i.targets[0]?.spec);
    expect(specs[0]).toMatchObject({ kind: 'growth_average', min: '14', max: '14.5', baseYear: 2025 });
    expect(specs.slice(1, 5).map((s) => (s?.kind === 'growth_average' ? s.min : null))).toEqual([
      '16.5',
      '13',
      '2',
      '8',
    ]);
    expect(specs[5]).toMatchObject({ kind: 'level_at_end', value: '6.6', year: 2030 });
  });

  it('writes every bound with the operator of its wording', () => {
    for (const i of plan.indicators) {
      for (const t of i.targets) {
        if (t.spec.kind !== 'threshold') continue;
        // \b does not see Vietnamese letters as word characters: pad with spaces instead.
        const words = ` ${squash(t.text)} `;
        const expected = / (trên|hơn) /.test(words)
          ? '>'
          : / (trở lên|từ|ít nhất|tối thiểu) /.test(words)
            ? '>='
            : / dưới /.test(words)
              ? '<'
              : '<=';
        expect(t.spec.op, `${i.code} "${t.text}"`).toBe(expected);
      }
    }
  });

  it('finds over forty quantitative targets in the narrative of Part two, in document order, each in a task section', () => {
    expect(narrative.length).toBeGreaterThanOrEqual(40);
    expect(narrative.map((i) => i.code)).toEqual(narrative.map((_, k) => `N${k + 1}`));
    const lines = narrative.map((i) => i.targets[0]?.line ?? 0);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
    const sections = new Set(plan.tasks.map((t) => `II.${t.code}`));
    for (const i of narrative) {
      expect(sections.has(i.group), `${i.code} group ${i.group}`).toBe(true);
      const t = i.targets[0];
      expect(t && t.line > tasksStart && t.line < breakthroughsStart, i.code).toBe(true);
      // The section named by the group is the last heading before the target.
      const heading = plan.tasks.filter((h) => t && h.line < t.line).at(-1);
      expect(`II.${heading?.code}`, i.code).toBe(i.group);
    }
  });

  it('misses no line of the task section that states a percentage, a figure per population or a count for 2030', () => {
    const cited = new Set(
      plan.indicators.flatMap((i) => i.targets.flatMap((t) => linesBetween(t.line, spanEnd(t)).map((x) => x.n))),
    );
    // Lines with a figure that is not a target of the term: plans and programmes named by their horizon.
    const notTargets =
      /Quy hoạch|tầm nhìn đến năm 2050|giai đoạn 2026 - 2030\. Kiên quyết|Nghị quyết số|khóa|giai đoạn 1|năm 2018|cuộc bầu cử/;
    for (const { n, s } of linesBetween(tasksStart, breakthroughsStart - 1)) {
      const figure =
        /\d+(,\d+)?\s*%|\/vạn dân|\d+\s+(doanh nghiệp|cán bộ|di tích|hồ sơ|hiện vật)|m2|triệu đồng|lần so với|nhóm \d/.test(
          s,
        );
      if (!figure || /^\s*\d+(\.\d+)*\.\s/.test(s) || notTargets.test(s)) continue;
      expect(cited.has(n), `line ${n}: ${s.trim()}`).toBe(true);
    }
  });

  it('cites for every target the lines that hold its original wording: it starts on line and ends on lineEnd', () => {
    for (const i of plan.indicators) {
      for (const t of i.targets) {
        const span = (a: number, b: number): string =>
          squash(
            linesBetween(a, b)
              .map((x) => x.s)
              .join(' '),
          );
        const text = squash(t.text);
        expect(span(t.line, spanEnd(t)), `${i.code} lines ${t.line}–${spanEnd(t)}`).toContain(text);
        // Starts on `line`, not on the next one; ends on lineEnd, not before.
        expect(span(t.line + 1, spanEnd(t)), `${i.code} starts on ${t.line}`).not.toContain(text);
        if (t.lineEnd !== undefined)
          expect(span(t.line, t.lineEnd - 1), `${i.code} ends on ${t.lineEnd}`).not.toContain(text);
      }
    }
  });

  it('parses every figure from its original text (decimal strings with a dot)', () => {
    for (const i of plan.indicators) {
      for (const t of i.targets) {
        const written = (t.text.match(/\d+(?:[.,]\d+)*/g) ?? []).map((f) => trimZeros(viNumber(f)));
        const s = t.spec;
        const parsed: string[] = [];
        switch (s.kind) {
          case 'growth_average':
          case 'range_at_end':
            parsed.push(s.min, ...(s.max ? [s.max] : []));
            break;
          case 'level_at_end':
          case 'threshold':
          case 'cumulative':
          case 'yearly_flow':
            parsed.push(s.value, ...('max' in s && s.max ? [s.max] : []));
            break;
          case 'units_meeting_standard':
            parsed.push(
              ...(s.share ? [s.share] : []),
              ...(s.count !== undefined ? [String(s.count), String(s.ofCount)] : []),
            );
            break;
          case 'rank':
            if (written.length > 0) parsed.push(String(s.maxRank));
            else {
              // "giữ vững thứ hạng cao nhất" (keep the highest rank) is rank 1; the phrase opens the sentence.
              expect(s.maxRank, i.code).toBe(1);
              expect(
                squash(
                  linesBetween(t.line - 2, spanEnd(t))
                    .map((x) => x.s)
                    .join(' '),
                ),
                i.code,
              ).toContain('thứ hạng cao nhất');
            }
            break;
          case 'multiple_of_baseline':
            parsed.push(s.factor);
            break;
          case 'milestone':
            break;
        }
        // "không còn" (none left) is the figure 0.
        for (const p of parsed)
          if (!(p === '0' && /không còn/.test(t.text))) expect(written, `${i.code} "${t.text}"`).toContain(p);
      }
    }
  });

  it('holds the task outline of Part two, II: every numbered heading with its exact title', () => {
    const headings = linesBetween(tasksStart + 1, breakthroughsStart - 1)
      .map(({ n, s }) => ({ n, m: /^\s*(\d+(?:\.\d+)*)\.\s+(.*)$/.exec(s) }))
      .filter((h) => h.m !== null);
    const perLevel = (codes: string[]): Record<number, number> =>
      codes.reduce<Record<number, number>>(
        (acc, c) => ({ ...acc, [c.split('.').length]: (acc[c.split('.').length] ?? 0) + 1 }),
        {},
      );
    const sourceCodes = headings.map((h) => h.m?.[1] ?? '');
    expect(perLevel(plan.tasks.map((t) => t.code))).toEqual(perLevel(sourceCodes));
    expect(perLevel(sourceCodes)).toEqual({ 1: 4, 2: 14, 3: 14 });
    expect(plan.tasks.map((t) => [t.code, t.line])).toEqual(headings.map((h) => [h.m?.[1], h.n]));
    for (const [k, t] of plan.tasks.entries()) {
      // A task's section runs to the line before the next heading.
      const sectionEnd = (plan.tasks[k + 1]?.line ?? breakthroughsStart) - 1;
      const section = squash(
        linesBetween(t.line, sectionEnd)
          .map((x) => x.s)
          .join(' '),
      );
      // The title opens the heading as written; each paragraph of the body is the source's text with only the PDF
      // line breaks joined.
      expect(section.startsWith(`${t.code}. ${t.title}`), t.code).toBe(true);
      for (const para of (t.body ?? '').split('\n').filter(Boolean)) expect(section, t.code).toContain(squash(para));
      expect(t.parent).toBe(t.code.includes('.') ? t.code.slice(0, t.code.lastIndexOf('.')) : null);
    }
  });

  it('holds the 3 strategic breakthroughs of Part two, III with their full text', () => {
    const items = numberedItems(breakthroughsStart + 1, appendix1 - 1);
    expect(plan.breakthroughs.map((b) => [b.code, b.line])).toEqual(items.map((x) => [String(x.no), x.line]));
    for (const b of plan.breakthroughs) {
      const item = items.find((x) => String(x.no) === b.code);
      expect(squash(b.body)).toBe(squash(item?.text ?? ''));
      expect(b.body.startsWith(b.title)).toBe(true);
    }
  });

  it('links breakthroughs only to tasks, projects and indicators that exist', () => {
    const tasks = new Set(plan.tasks.map((t) => t.code));
    const projects = new Set(plan.projects.map((p) => `${p.list}-${p.number}`));
    for (const b of plan.breakthroughs) {
      for (const c of b.links.tasks) expect(tasks.has(c), c).toBe(true);
      for (const c of b.links.projects) expect(projects.has(c), c).toBe(true);
      for (const c of b.links.indicators) expect(byCode.has(c), c).toBe(true);
    }
    // Breakthrough (2) names the whole of Phụ lục 4.
    expect(plan.breakthroughs.find((b) => b.code === '2')?.links.projects.length).toBe(plan.projects.length);
  });

  it('holds every key project of Phụ lục 4, numbered as in the source: list 1 led by the city, list 2 coordinated', () => {
    const scan = (first: number, last: number): { no: string; n: number }[] =>
      linesBetween(first, last).flatMap(({ n, s }) => {
        const m = /^\s*\((\d{2})\)\s/.exec(s);
        return m?.[1] ? [{ no: m[1], n }] : [];
      });
    const list1 = scan(appendix4, list2Start - 1);
    const list2 = scan(list2Start, source.length);
    expect([list1.length, list2.length]).toEqual([73, 13]);
    const inFile = (list: number): [string, number][] =>
      plan.projects.filter((p) => p.list === list).map((p) => [p.number, p.line]);
    expect(inFile(1)).toEqual(list1.map((x) => [x.no, x.n]));
    expect(inFile(2)).toEqual(list2.map((x) => [x.no, x.n]));
    for (const p of plan.projects) {
      expect(p.role).toBe(p.list === 1 ? 'lead' : 'coordinate');
      expect(
        squash(
          linesBetween(p.line, spanEnd(p))
            .map((x) => x.s)
            .join(' '),
        ),
        `${p.list}-${p.number}`,
      ).toContain(squash(p.name));
    }
  });

  it('keeps grouping rows without targets and every child under an existing parent', () => {
    for (const i of plan.indicators) {
      if (i.parent !== null) expect(byCode.has(i.parent), i.code).toBe(true);
      if (i.targets.length === 0) {
        expect(i.compositeRule, i.code).toBe('all_children_met');
        expect(childrenOf(i.code).length, i.code).toBeGreaterThan(1);
      }
    }
    expect(new Set(plan.indicators.map((i) => i.code)).size).toBe(plan.indicators.length);
  });

  it('records the inconsistencies of the source as data-quality notes citing real lines', () => {
    const all = [
      ...plan.notes,
      ...plan.indicators.flatMap((i) => i.notes),
      ...plan.projects.flatMap((p) => p.notes ?? []),
    ];
    for (const n of all) {
      // data_quality: the source contradicts itself; ambiguity: a reading chosen; editorial: a choice of this file.
      expect(['data_quality', 'ambiguity', 'editorial']).toContain(n.kind);
      for (const l of n.lines) expect(l >= 1 && l <= source.length, n.text).toBe(true);
    }
    // The digital-economy share is "trên 35%" in target (3) and "đạt 35%" in section 2.5: both cite both lines.
    expect(byCode.get('3')?.notes.some((n) => n.lines.includes(1708) && n.lines.includes(2466))).toBe(true);
    expect(line(1708)).toContain('trên 35%');
    expect(squash(`${line(2465)} ${line(2466)}`)).toContain('kinh tế số đạt 35% GRDP');
  });
});
