// What the indicator page reads for its evaluation, before and after it read its own indicator's answer: the plan's
// full answer (GET …/evaluations) against one indicator's (GET …/indicators/{code}/evaluations), plain and as the
// server sends it compressed (the kept brotli, else gzip), for every indicator of a plan. Not a timed benchmark:
// sizes only, from a running server (public answers).
//   npx tsx bench/indicator-evaluation-bytes.ts http://127.0.0.1:3000 hai-phong-2025-2030 [code …]
import http from 'node:http';

const [base, plan, ...asked] = process.argv.slice(2);
if (!base || !plan) throw new Error('usage: npx tsx bench/indicator-evaluation-bytes.ts <base URL> <plan> [code …]');

/** The body's length on the wire with and without `accept-encoding: br, gzip`, and the coding sent. */
async function sizes(path: string): Promise<{ plain: number; sent: number; coding: string }> {
  const raw = (encoding: string | null) =>
    new Promise<{ bytes: number; coding: string }>((resolve, reject) => {
      const req = http.get(`${base}${path}`, { headers: encoding ? { 'accept-encoding': encoding } : {} }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`${path}: ${res.statusCode}`));
        let bytes = 0;
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('end', () => resolve({ bytes, coding: String(res.headers['content-encoding'] ?? 'identity') }));
      });
      req.on('error', reject);
    });
  const plain = await raw(null);
  const sent = await raw('br, gzip');
  return { plain: plain.bytes, sent: sent.bytes, coding: sent.coding };
}

const whole = await sizes(`/api/plans/${plan}/evaluations`);
const codes =
  asked.length > 0
    ? asked
    : (
        (await (await fetch(`${base}/api/indicators?plan=${plan}&limit=200`)).json()) as {
          items: { code: string }[];
        }
      ).items.map((i) => i.code);
const parts = [];
for (const code of codes)
  parts.push({ code, ...(await sizes(`/api/plans/${plan}/indicators/${encodeURIComponent(code)}/evaluations`)) });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
console.log(`${plan}: the plan's full answer ${kB(whole.plain)} plain, ${kB(whole.sent)} ${whole.coding}`);
if (asked.length > 0)
  for (const p of parts) console.log(`  indicator ${p.code}: ${kB(p.plain)} plain, ${kB(p.sent)} ${p.coding}`);
const plain = parts.map((p) => p.plain);
const sent = parts.map((p) => p.sent);
console.log(
  `  ${parts.length} indicators: median ${kB(median(plain))} plain, ${kB(median(sent))} sent; ` +
    `largest ${kB(Math.max(...plain))} plain, ${kB(Math.max(...sent))} sent`,
);
