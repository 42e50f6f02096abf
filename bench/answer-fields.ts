// What each field of a plan's evaluation costs on the wire: every field path of the rows left out in turn, the
// answer compressed as the server keeps it (brotli at quality 5, src/api/prepared-answers.ts), and the bytes it
// saved; then the same answer as the lists read it (GET …/evaluations/list, docs/decisions/0010-evaluation-list.md)
// and, for comparison, with one language only. Not a timed benchmark: sizes only.
//   npx tsx bench/answer-fields.ts <answer.json | http://…/api/plans/CODE/evaluations> [--top 40]
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { listViewOf, type PlanEvaluationView } from '../src/services/evaluations/evaluate-plan.ts';

const source = process.argv[2];
if (!source) throw new Error('usage: npx tsx bench/answer-fields.ts <answer.json | URL> [--top 40]');
const topAt = process.argv.indexOf('--top');
const TOP = topAt > 0 ? Number(process.argv[topAt + 1]) : 40;
const body = (
  /^https?:/.test(source) ? await (await fetch(source)).json() : JSON.parse(readFileSync(source, 'utf8'))
) as PlanEvaluationView;

function brotli(v: unknown): number {
  const json = JSON.stringify(v);
  return brotliCompressSync(json, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 5,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(json),
    },
  }).length;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every field path of the rows ("forecast.fan[].low"), with how many rows carry it, four levels deep. */
function pathsOf(rows: readonly Json[]): Map<string, number> {
  const paths = new Map<string, number>();
  const walk = (v: Json, at: string, depth: number): void => {
    if (Array.isArray(v)) for (const x of v) walk(x, `${at}[]`, depth);
    else if (v !== null && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        const p = at === '' ? k : `${at}.${k}`;
        paths.set(p, (paths.get(p) ?? 0) + 1);
        if (depth < 4) walk(x, p, depth + 1);
      }
  };
  for (const r of rows) walk(r, '', 1);
  return paths;
}

/** Removes a field path ("a.b[].c") from a row in place. */
function remove(v: Json, parts: readonly string[]): void {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return;
  const [head = '', ...rest] = parts;
  if (head.endsWith('[]')) {
    const list = v[head.slice(0, -2)];
    if (Array.isArray(list)) for (const x of list) remove(x, rest);
  } else if (rest.length === 0) delete v[head];
  else remove(v[head] ?? null, rest);
}

const split = (p: string): string[] =>
  p
    .split('.')
    .flatMap((s) => s.split(/(?<=\[\])/))
    .filter(Boolean);
const rows = body.rows as unknown as Json[];
const total = brotli(body);
const json = JSON.stringify(body).length;
console.log(`${body.plan.code}: ${body.rows.length} rows, ${json} bytes of JSON, ${total} bytes brotli (quality 5)`);
console.log('\nfield left out (rows carrying it)                      saved bytes   share');
const saved = [...pathsOf(rows)].map(([p, n]) => {
  const copy = structuredClone(body) as unknown as { rows: Json[] };
  for (const r of copy.rows) remove(r, split(p));
  return { p, n, d: total - brotli(copy) };
});
saved.sort((a, b) => b.d - a.d);
for (const { p, n, d } of saved.slice(0, TOP))
  console.log(`${`${p} (${n})`.padEnd(55)} ${String(d).padStart(10)} ${((100 * d) / total).toFixed(1).padStart(6)} %`);

/** One language: each {vi, en} pair replaced by its Vietnamese (what a one-language answer would weigh). */
const viOnly = (v: unknown): unknown =>
  JSON.parse(JSON.stringify(v), (_k, x: unknown) =>
    x !== null && typeof x === 'object' && !Array.isArray(x) && 'vi' in x && 'en' in x && typeof x.vi === 'string'
      ? x.vi
      : x,
  );
const list = listViewOf(body);
console.log('\nanswer                         JSON bytes     gzip   brotli 5');
for (const [name, v] of [
  ['full rows', body],
  ['full rows, one language', viOnly(body)],
  ['list rows (the overview)', list],
  ['list rows, one language', viOnly(list)],
] as const) {
  const s = JSON.stringify(v);
  console.log(
    `${name.padEnd(30)} ${String(s.length).padStart(10)} ${String(gzipSync(s).length).padStart(8)} ${String(brotli(v)).padStart(10)}`,
  );
}
