// Every target and every figure of every bundled plan cites a real document and a place in it (issue 22: "every
// figure citing its real document"): a `source` naming one of the plan's documents with a page, line, paragraph or
// quote, or a bare `line` of the plan's default document; each document has a URL or a file.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Citation, PlanDocument, PlanFile } from '../../src/services/dataset/dataset-types.ts';

const DATA = path.resolve(import.meta.dirname, '../../data');
const planFiles = [
  ...fs.readdirSync(path.join(DATA, 'plans')).map((f) => path.join(DATA, 'plans', f)),
  ...fs
    .readdirSync(path.join(DATA, 'provinces'))
    .flatMap((p) =>
      fs.readdirSync(path.join(DATA, 'provinces', p, 'plans')).map((f) => path.join(DATA, 'provinces', p, 'plans', f)),
    ),
].filter((f) => f.endsWith('.json'));

/** What is wrong with one record's citation, or null when it names a listed document and a place in it. */
function citationProblem(
  record: { line?: number; source?: Citation },
  docs: ReadonlyMap<string, PlanDocument>,
  defaultDoc: PlanDocument | undefined,
): string | null {
  if (record.source !== undefined) {
    const s = record.source;
    if (!docs.has(s.document)) return `cites "${s.document}", not among the plan's documents`;
    const place = s.page !== undefined || s.line !== undefined || s.paragraph !== undefined || Boolean(s.quote);
    return place ? null : `cites "${s.document}" without a page, line, paragraph or quote`;
  }
  if (record.line !== undefined) return defaultDoc ? null : 'a bare line, and the plan has no default document';
  return 'no citation';
}

describe('bundled plans cite their documents', () => {
  it('finds the bundled plans, Nghệ An’s among them', () => {
    expect(planFiles.map((f) => path.basename(f))).toContain('nghe-an-2025-2030.json');
    expect(planFiles.length).toBeGreaterThanOrEqual(4);
  });

  it.each(planFiles.map((f) => [path.relative(DATA, f), f]))(
    '%s: every target and figure cites a listed document and a place',
    (_name, file) => {
      const plan = JSON.parse(fs.readFileSync(file, 'utf8')) as PlanFile;
      const documents = plan.documents ?? [];
      expect(documents.length).toBeGreaterThan(0);
      for (const d of documents) expect(Boolean(d.url) || Boolean(d.file), `document ${d.id}: URL or file`).toBe(true);
      const docs = new Map(documents.map((d) => [d.id, d]));
      const defaultDoc = documents.find((d) => d.default === true);
      const problems: string[] = [];
      for (const ind of plan.indicators ?? []) {
        (ind.targets ?? []).forEach((t, i) => {
          const p = citationProblem(t, docs, defaultDoc);
          if (p) problems.push(`${ind.code} targets[${i}]: ${p}`);
        });
        for (const o of ind.observations ?? []) {
          const p = citationProblem(o, docs, defaultDoc);
          if (p) problems.push(`${ind.code} observations[${o.period}]: ${p}`);
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it('a figure without a citation is caught (the check can fail)', () => {
    const docs = new Map<string, PlanDocument>();
    expect(citationProblem({}, docs, undefined)).toBe('no citation');
    expect(citationProblem({ source: { document: 'x', quote: 'q' } }, docs, undefined)).toMatch(/not among/);
    expect(citationProblem({ line: 3 }, docs, undefined)).toMatch(/no default document/);
  });
});
