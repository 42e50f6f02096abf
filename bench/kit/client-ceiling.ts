// What the load generator itself can take, measured beside a route's ratio to health: autocannon decodes every
// response body into a string (its http-parser-js client spends most of its time in Buffer#toString on a gzipped
// body), so a route with a large answer can read slow because of the client. `sameBytesStatic` serves a route's exact
// answer bytes (gzip, with its headers) from a bare Node server in its own process that does nothing else: the
// client's ceiling for a body of that size, hammered by the caller's own client. `wrk` runs Debian's wrk (a C client,
// not a dependency of the project) at the same connections and duration, when it is installed.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

/** Latencies in ms; requests answered; errors and non-2xx answers. */
export interface ClientLoad {
  p50: number;
  p99: number;
  reqPerSec: number;
  requests: number;
  errors: number;
  non2xx: number;
}

/** The answer's raw bytes as a browser receives them (gzip), with its headers. */
function rawAnswer(
  url: string,
  headers: Record<string, string>,
): Promise<{ body: Buffer; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'gzip, deflate, br', ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ body: Buffer.concat(chunks), headers: res.headers }));
      })
      .on('error', reject);
  });
}

/**
 * A bare Node server in its own process answering every request with these bytes and headers, but `/health`, which
 * it answers with a body of health's size (about 100 bytes): the machine's own floor for "health while hammered".
 */
const STATIC_SERVER = `
const http = require('node:http'); const fs = require('node:fs');
const body = fs.readFileSync(process.argv[1]); const headers = JSON.parse(process.argv[2]);
const health = Buffer.from(JSON.stringify({ status: 'ok', database: 'none', version: '0', databaseCheckedAt: new Date().toISOString() }));
http.createServer((req, res) => {
  if (req.url === '/health') { res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': health.length }); res.end(health); return; }
  res.writeHead(200, headers); res.end(body); })
  .listen(0, '127.0.0.1', function () { process.stdout.write(String(this.address().port) + '\\n'); });`;

/**
 * Serves `url`'s answer bytes (as fetched now, with `headers`) from a bare static server and runs `load` against it;
 * returns that load and the body's size.
 */
export async function sameBytesStatic<L>(
  url: string,
  load: (staticUrl: string) => Promise<L>,
  headers: Record<string, string> = {},
): Promise<{ load: L; bytes: number }> {
  const { body, headers: got } = await rawAnswer(url, headers);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'chitieu-bytes-')), 'answer');
  writeFileSync(file, body);
  const kept: Record<string, string> = { 'content-length': String(body.length) };
  for (const h of ['content-type', 'content-encoding', 'etag', 'cache-control', 'vary'])
    if (typeof got[h] === 'string') kept[h] = got[h];
  const child = spawn(process.execPath, ['-e', STATIC_SERVER, file, JSON.stringify(kept)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout?.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
      child.once('exit', (c) => reject(new Error(`static server exited with ${c}`)));
    });
    return { load: await load(`http://127.0.0.1:${port}/`), bytes: body.length };
  } finally {
    child.kill('SIGTERM');
  }
}

/** Whether Debian's wrk is installed. */
export const WRK = spawnSync('wrk', ['--version']).error === undefined;

/** wrk at `connections` for `seconds`; latencies in ms as wrk prints them (--latency), gzip asked as a browser does. */
export function wrk(
  url: string,
  connections: number,
  seconds: number,
  headers: Record<string, string> = {},
): ClientLoad {
  const extra = Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
  const out = execFileSync(
    'wrk',
    [
      '-t1',
      `-c${connections}`,
      `-d${seconds}s`,
      '--latency',
      '-H',
      'accept-encoding: gzip, deflate, br',
      ...extra,
      url,
    ],
    { encoding: 'utf8' },
  );
  const ms = (label: string): number => {
    const m = new RegExp(`^\\s*${label}\\s+([\\d.]+)(us|ms|s)\\s*$`, 'm').exec(out);
    if (!m) throw new Error(`wrk printed no ${label} latency:\n${out}`);
    const v = Number(m[1]);
    return m[2] === 'us' ? v / 1000 : m[2] === 's' ? v * 1000 : v;
  };
  const num = (re: RegExp): number => Number(re.exec(out)?.[1] ?? 0);
  const errs = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    p50: ms('50%'),
    p99: ms('99%'),
    reqPerSec: num(/Requests\/sec:\s+([\d.]+)/),
    requests: num(/(\d+) requests in/),
    errors: errs ? errs.slice(1).reduce((a, b) => a + Number(b), 0) : 0,
    non2xx: num(/Non-2xx or 3xx responses: (\d+)/),
  };
}
