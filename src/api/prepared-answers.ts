// Public answers kept ready to send: serialised and compressed once per version of what they show (gzip, and brotli
// when it is smaller), with a strong ETag, and checked against the database on every read (so several app processes
// behind a load balancer each answer exactly what the database holds, and a write is seen by the next read wherever
// it lands). The version is one small query, shared by the reads of the same key that arrive together (each joins
// the next query to start, so it still sees every write committed before it arrived); on a database only this
// process writes (PGlite), an unchanged write count proves nothing changed, and no query is made at all. Used by the
// plan evaluations (the overview), the plan list (the portal) and an indicator's figures (the indicator page).
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Runtime } from '../runtime.ts';
import { sharedNextRead } from './shared-next-read.ts';

export interface PreparedAnswer {
  /** The version of the data the answer was built from ('' for an answer that is not kept). */
  version: string;
  /** The database handle's write count when the version was read (meaningful on an exclusive database only). */
  writes: number;
  tag: string;
  json: string;
  gzip: Buffer;
  /** Brotli, kept only when smaller than the gzip. */
  br: Buffer | null;
}

/**
 * Brotli's quality for a kept answer: made once per version, but after every approval for the overview, so not the
 * default 11. Measured at city scale (2026-11-30): the indicator page's 220 kB of JSON gives 18.4 kB gzipped (level
 * 6, 2.5 ms), 15.3 kB at quality 5 (2.8 ms), 13.4 kB at 11 (228 ms); the overview's 677 kB gives 58.0 kB gzipped
 * (6.5 ms), 45.1 kB at 5 (6.4 ms), 35.3 kB at 11 (748 ms).
 */
const BROTLI_QUALITY = 5;

/** The q-value the Accept-Encoding header gives a coding (0 when absent or refused). */
function qualityOf(header: string, coding: string): number {
  let star = 0;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const value = q === undefined ? 1 : Number(q);
    if (name === coding) return value;
    if (name === '*') star = value;
  }
  return star;
}

/** The coding to send: brotli when accepted and kept, else gzip when accepted, else none. */
export function codingFor(header: string | undefined, answer: { br: Buffer | null }): 'br' | 'gzip' | null {
  if (header === undefined || header === '') return null;
  if (answer.br !== null && qualityOf(header, 'br') > 0) return 'br';
  return qualityOf(header, 'gzip') > 0 ? 'gzip' : null;
}

/** If-None-Match against a strong tag: a list of tags (weak comparison, as RFC 9110 says for this header) or `*`. */
export function matchesTag(header: string | undefined, tag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === tag);
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * Serialises and compresses an answer once. Both compressions run on libuv's thread pool, side by side, so a rebuild
 * (after every approval, for the overview: about 680 kB of JSON at city scale) does not hold the event loop that
 * answers every other request meanwhile.
 */
export async function prepare(body: unknown, version: string, writes: number): Promise<PreparedAnswer> {
  const json = JSON.stringify(body);
  const tag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 32)}"`;
  const [gzipped, br] = await Promise.all([
    gzipAsync(json),
    brotliAsync(json, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(json),
      },
    }),
  ]);
  return { version, writes, tag, json, gzip: gzipped, br: br.length < gzipped.length ? br : null };
}

/** Public answers may be cached this long and revalidated with their ETag: a change shows within this many seconds. */
export const PUBLIC_MAX_AGE = 30;

/** Sends a prepared answer: 304 on a matching If-None-Match, else the brotli, gzip or plain bytes, cacheable by anyone. */
export function sendPrepared(req: FastifyRequest, reply: FastifyReply, answer: PreparedAnswer): FastifyReply {
  void reply.header('cache-control', `public, max-age=${PUBLIC_MAX_AGE}`).header('etag', answer.tag);
  void reply.header('vary', 'accept-encoding');
  if (matchesTag(req.headers['if-none-match'], answer.tag)) return reply.status(304).send();
  void reply.type('application/json; charset=utf-8');
  const coding = codingFor(req.headers['accept-encoding'], answer);
  if (coding === null) return reply.send(answer.json);
  return reply.header('content-encoding', coding).send(coding === 'br' ? answer.br : answer.gzip);
}

/**
 * Answers kept per key (at most `kept`, the least recently read dropped first). `versionOf` reads the version of
 * what the key's answer shows (null: nothing to keep, e.g. an unknown plan or indicator: the answer is built for
 * this read alone, and the build may throw its 404); `build` makes the body for that version. The version and the
 * write count are read before the body is built, so a write that lands during a build leaves an answer that the next
 * read rebuilds.
 */
export function preparedAnswers<Args>(
  runtime: Runtime,
  options: {
    kept: number;
    versionOf: (args: Args) => Promise<string | null>;
    build: (args: Args) => Promise<unknown>;
  },
): (key: string, args: Args) => Promise<PreparedAnswer> {
  const ready = new Map<string, PreparedAnswer>();
  const building = new Map<string, Promise<PreparedAnswer>>();
  const versionOf = sharedNextRead<string | null>();
  const keep = (key: string, answer: PreparedAnswer): PreparedAnswer => {
    ready.delete(key);
    if (ready.size >= options.kept) {
      const oldest = ready.keys().next().value;
      if (oldest !== undefined) ready.delete(oldest);
    }
    ready.set(key, answer);
    return answer;
  };
  async function build(key: string, args: Args, version: string, writes: number): Promise<PreparedAnswer> {
    return keep(key, await prepare(await options.build(args), version, writes));
  }
  return async (key, args) => {
    const writes = runtime.db.writes();
    const known = ready.get(key);
    if (known !== undefined && runtime.db.exclusive && known.writes === writes) return keep(key, known);
    const version = await versionOf(key, () => options.versionOf(args));
    if (version === null) return prepare(await options.build(args), '', writes);
    if (known !== undefined && known.version === version) {
      known.writes = writes;
      return keep(key, known);
    }
    const once = `${key}\n${version}`;
    const running = building.get(once);
    if (running !== undefined) return running;
    const work = build(key, args, version, writes).finally(() => building.delete(once));
    building.set(once, work);
    return work;
  };
}
