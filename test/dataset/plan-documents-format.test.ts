// The dataset format's new fields, mechanically: the schema names every target kind and document kind of
// core/vocabulary (declared once), accepts citations, stages and the new wordings and refuses their malformed forms;
// the second bundled plan (Nghệ An) validates, and every target's wording and numbers are in the quote it cites.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, TARGET_KINDS } from '../../src/core/vocabulary.ts';
import { checkSpecShape } from '../../src/imports/dataset-folder.ts';
import { compact, containsNumber, readSchema, viNumber } from './dataset.ts';

const ajv = new Ajv2020({ allErrors: true });
const schema = readSchema('plan.schema.json') as { $defs: Record<string, Record<string, unknown>> };
const validatePlan = ajv.compile(schema);
const validateTenant = new Ajv2020({ allErrors: true }).compile(readSchema('tenant.schema.json'));
const dir = path.resolve(import.meta.dirname, '../../data/provinces/nghe-an');
const read = (f: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as never;

interface Cited {
  text: string;
  source?: { document: string; quote?: string };
  spec: Record<string, unknown>;
  derived?: Record<string, string>;
}
type Plan = {
  documents: { id: string; url?: string }[];
  indicators: { code: string; targets: Cited[] }[];
};

describe('the schema declares the vocabulary once', () => {
  it('every target kind of core/vocabulary, and only those', () => {
    const spec = schema.$defs.spec as { properties: { kind: { enum: string[] } } };
    expect([...spec.properties.kind.enum].sort()).toEqual([...TARGET_KINDS].sort());
  });
  it('every document kind of core/vocabulary, and only those', () => {
    const doc = schema.$defs.planDocument as { properties: { kind: { enum: string[] } } };
    expect([...doc.properties.kind.enum].sort()).toEqual([...DOCUMENT_KINDS].sort());
  });
});

describe('the second bundled plan', () => {
  const plan = read('plans/nghe-an-2025-2030.json');
  it('validates against the plan and tenant schemas', () => {
    expect(validatePlan(plan) ? [] : validatePlan.errors).toEqual([]);
    const tenant = read('tenants/nghe-an.json');
    expect(validateTenant(tenant) ? [] : validateTenant.errors).toEqual([]);
  });
  it("cites for every target a listed document with a URL, and the quote holds the target's wording and numbers", () => {
    const p = plan as unknown as Plan;
    const docs = new Map(p.documents.map((d) => [d.id, d]));
    const problems: string[] = [];
    for (const i of p.indicators)
      for (const t of i.targets) {
        const doc = t.source === undefined ? undefined : docs.get(t.source.document);
        if (doc?.url === undefined) problems.push(`${i.code}: no cited document with a URL`);
        const quote = t.source?.quote ?? '';
        if (!compact(quote).includes(compact(t.text))) problems.push(`${i.code}: "${t.text}" is not in its quote`);
        for (const [k, v] of Object.entries(t.spec))
          if (['min', 'max', 'value', 'factor', 'factorMax'].includes(k) && typeof v === 'string' && !t.derived?.[k])
            if (!containsNumber(quote, viNumber(v))) problems.push(`${i.code}: spec.${k} ${v} is not in its quote`);
      }
    expect(problems).toEqual([]);
  });
});

describe('the schema accepts the new fields and refuses their malformed forms', () => {
  const base = () => JSON.parse(JSON.stringify(read('plans/nghe-an-2025-2030.json'))) as Record<string, never>;
  const firstTarget = (p: Record<string, unknown>) =>
    ((p.indicators as { targets: Record<string, unknown>[] }[])[0] as { targets: Record<string, unknown>[] })
      .targets[0] as Record<string, unknown>;
  it.each([
    ['a citation without any place', (t: Record<string, unknown>) => (t.source = { document: 'vneconomy-2025-10-05' })],
    ['a target with neither line nor source', (t: Record<string, unknown>) => delete t.source],
    ['an unknown stage', (t: Record<string, unknown>) => (t.stage = 'adopted')],
    ['strict as a string', (t: Record<string, unknown>) => ((t.spec as Record<string, unknown>).strict = 'yes')],
    [
      'everyYear on a growth target',
      (t: Record<string, unknown>) => ((t.spec as Record<string, unknown>).everyYear = true),
    ],
    [
      'a revision without its date',
      (t: Record<string, unknown>) => (t.revisedBy = { document: 'vneconomy-2025-10-05' }),
    ],
  ])('refuses %s', (_name, spoil) => {
    const p = base();
    spoil(firstTarget(p));
    expect(validatePlan(p)).toBe(false);
  });
  it('refuses a document with neither URL nor file', () => {
    const p = base();
    delete ((p.documents as unknown as Record<string, unknown>[])[0] as Record<string, unknown>).url;
    expect(validatePlan(p)).toBe(false);
  });
  it('accepts a superseded target naming its revising document, and a term average, factor range, every-year', () => {
    const p = base();
    const t = firstTarget(p);
    t.stage = 'superseded';
    t.revisedBy = { document: 'vneconomy-2025-10-05', date: '2026-06-30' };
    expect(validatePlan(p) ? [] : validatePlan.errors).toEqual([]);
    const term = { firstYear: 2026, lastYear: 2030 };
    for (const spec of [
      { kind: 'term_average', direction: 'higher_better', term, min: '30' },
      {
        kind: 'multiple_of_baseline',
        direction: 'higher_better',
        term,
        factor: '1.5',
        factorMax: '2',
        baselinePeriod: '2021-2025',
        compare: 'term_total',
      },
      { kind: 'threshold', direction: 'higher_better', term, op: '>=', value: '58', year: 2030, everyYear: true },
      { kind: 'level_at_end', direction: 'lower_better', term, value: '3', year: 2030, strict: true },
    ])
      expect(() => checkSpecShape(spec)).not.toThrow();
    expect(() => checkSpecShape({ kind: 'term_average', direction: 'higher_better', term, min: 30 })).toThrow(/min/);
  });
});
