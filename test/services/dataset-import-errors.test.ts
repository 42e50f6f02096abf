// Bad dataset files (test/fixtures/bad-datasets) and the bad-figure corpus written into a plan file, through the real
// folder reader and the import: each refused with a typed error naming file, plan, indicator and field in both
// languages, nothing written, on both databases.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFigureText } from '../../src/core/checks/figure-text.ts';
import { isChitieuError, type ChitieuError } from '../../src/core/errors.ts';
import { readDatasetFolder } from '../../src/imports/dataset-folder.ts';
import { systemActor, type ServiceContext } from '../../src/services/context.ts';
import { importDataset } from '../../src/services/dataset/import-dataset.ts';
import type { Db } from '../../src/storage/db.ts';
import { openMigrated, testDatabases } from '../helpers/databases.ts';
import { tempDir } from '../helpers/processes.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures');
type Json = Record<string, unknown>;

interface Case {
  name: string;
  file: string;
  indicator?: string;
  set?: Record<string, unknown>;
  delete?: string[];
  raw?: string;
  copyAs?: string;
  mentions: string[];
  code?: string;
}
const CASES = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'bad-datasets/cases.json'), 'utf8')) as Case[];
const FIGURES = (
  JSON.parse(fs.readFileSync(path.join(FIXTURES, 'bad-figures/figures.json'), 'utf8')) as {
    figures: { indicator: string; period: string; value: string; field: string; why: string }[];
  }
).figures
  .filter((f) => f.field === 'value' || f.field === 'period')
  // "1.234" is ambiguous only as a source writes it: a plan file's value is a canonical decimal by the format, and
  // there it reads 1.234, a good figure (the written text beside it is kept as the source's words).
  .filter((f) => !(f.why.startsWith('ambiguous') && /^-?\d+(\.\d+)?$/.test(f.value)));
const TENANT = 'tenants/hai-phong.json';
const PLAN = 'plans/hai-phong-2025-2030.json';

const TABLES = ['tenants', 'units', 'agencies', 'documents', 'plans', 'indicators', 'targets', 'observations'];
async function fingerprint(db: Db): Promise<string> {
  const parts: string[] = [];
  for (const t of [...TABLES, 'observation_versions', 'audit_log', 'evaluations'])
    parts.push(`${t}=${String((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`))[0]?.n)}`);
  return parts.join(' ');
}

const read = (rel: string): Json => JSON.parse(fs.readFileSync(path.join(ROOT, 'data', rel), 'utf8')) as Json;

/** Sets (or deletes) the value at a JSON pointer, creating objects on the way. */
function apply(target: Json, pointer: string, value: unknown, remove = false): void {
  const segs = pointer.split('/').slice(1);
  let node = target as Record<string, unknown>;
  for (const seg of segs.slice(0, -1)) {
    node[seg] ??= {};
    node = node[seg] as Record<string, unknown>;
  }
  const last = segs[segs.length - 1] as string;
  if (remove) delete node[last];
  else node[last] = value;
}

/** A dataset folder with the tenant file and the files a case touches, the case's change written into them. */
function folderFor(c: Case): string {
  const dir = tempDir('chitieu-bad-dataset-');
  fs.mkdirSync(path.join(dir, 'tenants'));
  fs.mkdirSync(path.join(dir, 'plans'));
  const files = new Map<string, string>([[TENANT, JSON.stringify(read(TENANT))]]);
  if (c.file !== TENANT) files.set(c.file, JSON.stringify(read(c.file)));
  if (c.raw !== undefined) files.set(c.file, c.raw);
  else {
    const data = read(c.file);
    const subject = c.indicator
      ? (data.indicators as Json[]).find((i) => i.code === c.indicator)
      : (data as Record<string, unknown>);
    if (!subject) throw new Error(`${c.name}: no indicator ${String(c.indicator)} in ${c.file}`);
    for (const [pointer, value] of Object.entries(c.set ?? {})) apply(subject, pointer, value);
    for (const pointer of c.delete ?? []) apply(subject, pointer, undefined, true);
    files.set(c.file, JSON.stringify(data, null, 2));
    if (c.copyAs) files.set(c.copyAs, JSON.stringify(data, null, 2));
  }
  for (const [rel, text] of files) fs.writeFileSync(path.join(dir, rel), text);
  return dir;
}

/** A bad figure as a plan file would hold it: a decimal, a bound, a range, or the text as typed (the schema's to refuse). */
function observationOf(f: { period: string; value: string }): Json {
  return { ...figureFields(f), text: f.value, line: 1 };
}

function figureFields(f: { period: string; value: string }): Json {
  let parsed;
  try {
    parsed = parseFigureText(f.value);
  } catch {
    return { period: f.period, value: f.value, status: 'official' };
  }
  switch (parsed.form) {
    case 'value':
      return { period: f.period, value: parsed.value, status: 'official' };
    case 'range':
      return { period: f.period, value: null, range: { min: parsed.min, max: parsed.max }, status: 'official' };
    case 'bound':
      return { period: f.period, value: null, bound: { op: parsed.op, value: parsed.value }, status: 'official' };
    case 'count_of':
      return { period: f.period, value: f.value, status: 'official' };
  }
}

describe.each(testDatabases)('refusing bad datasets on $name', (database) => {
  let db: Db;
  let ctx: ServiceContext;
  beforeAll(async () => {
    db = await openMigrated(database);
    ctx = { db, actor: systemActor('test'), now: () => new Date() };
  }, 300_000);
  afterAll(async () => db?.close());

  const refusal = async (folder: string): Promise<ChitieuError | string> => {
    try {
      await importDataset({ ctx, input: readDatasetFolder(folder) });
      return 'imported';
    } catch (e) {
      return isChitieuError(e) ? e : `untyped: ${String(e)}`;
    }
  };
  const says = (e: ChitieuError, words: string[]): boolean => {
    const vi = `${e.messages.vi} ${e.issues.map((i) => `${i.path} ${i.reason.vi}`).join(' ')}`;
    const en = `${e.messages.en} ${e.issues.map((i) => `${i.path} ${i.reason.en}`).join(' ')}`;
    return e.messages.vi !== e.messages.en && words.every((w) => vi.includes(w) && en.includes(w));
  };

  it('refuses every bad file with a typed error that names file, plan, indicator and field, and writes nothing', async () => {
    const before = await fingerprint(db);
    const failures: string[] = [];
    for (const c of CASES) {
      const e = await refusal(folderFor(c));
      if (
        typeof e === 'string' ||
        e.kind === 'internal' ||
        e.code !== (c.code ?? 'invalid_dataset') ||
        !says(e, c.mentions)
      )
        failures.push(`${c.name}: ${typeof e === 'string' ? e : `${e.code} ${e.messages.en} | ${e.messages.vi}`}`);
    }
    expect(failures).toEqual([]);
    expect(await fingerprint(db)).toBe(before);
    expect(CASES.length).toBeGreaterThanOrEqual(45);
  }, 300_000);

  it('refuses every bad figure of the corpus written into a plan file, naming the indicator and the field', async () => {
    const before = await fingerprint(db);
    const failures: string[] = [];
    for (const f of FIGURES) {
      const c: Case = {
        name: f.why,
        file: PLAN,
        indicator: f.indicator,
        set: { '/observations': [observationOf(f)] },
        mentions: [f.indicator, f.field],
      };
      const e = await refusal(folderFor(c));
      if (typeof e === 'string' || e.kind === 'internal' || !says(e, c.mentions))
        failures.push(
          `${f.indicator} ${f.period} "${f.value}" (${f.why}): ${typeof e === 'string' ? e : e.messages.en}`,
        );
    }
    expect(failures).toEqual([]);
    expect(await fingerprint(db)).toBe(before);
    expect(FIGURES.length).toBeGreaterThanOrEqual(90);
  }, 300_000);

  it('applies the product schema even when the folder carries a looser copy of its own', async () => {
    const dir = folderFor({ name: 'own schema', file: PLAN, indicator: '1.2', set: { '/extra': true }, mentions: [] });
    fs.mkdirSync(path.join(dir, 'schema'));
    fs.writeFileSync(path.join(dir, 'schema/plan.schema.json'), '{"type": "object"}');
    fs.writeFileSync(path.join(dir, 'schema/tenant.schema.json'), '{"type": "object"}');
    const e = await refusal(dir);
    expect(typeof e === 'string' ? e : e.code).toBe('invalid_dataset');
    expect(typeof e !== 'string' && says(e, ['1.2', 'extra'])).toBe(true);
  });
});
