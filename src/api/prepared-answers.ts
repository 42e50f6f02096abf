// Public answers kept ready to send: serialised and gzipped once per version of what they show, with a strong ETag,
// and checked against the database on every read (so several app processes behind a load balancer each answer
// exactly what the database holds, and a write is seen by the next read wherever it lands). The version is one small
// query, shared by the reads of the same key that arrive together (each joins the next query to start, so it still
// sees every write committed before it arrived); on a database only this process writes (PGlite), an unchanged
// write count proves nothing changed, and no query is made at all.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Runtime } from '../runtime.ts';
import { sharedNextRead } from './shared-next-read.ts';

export interface PreparedAnswer {
  /** The version of the data the answer was built from. */
  version: string;
  /** The database handle's write count when the version was read (meaningful on an exclusive database only). */
  writes: number;
  tag: string;
  json: string;
  gzip: Buffer;
}

export const acceptsGzip = (header: string | undefined): boolean => header !== undefined && /\bgzip\b/.test(header);

/** Sends a prepared answer: 304 on a matching If-None-Match, else the gzipped or plain bytes, cacheable by anyone. */
export function sendPrepared(
  req: FastifyRequest,
  reply: FastifyReply,
  answer: PreparedAnswer,
  maxAgeSeconds: number,
): FastifyReply {
  void reply.header('cache-control', `public, max-age=${maxAgeSeconds}`).header('etag', answer.tag);
  if (req.headers['if-none-match'] === answer.tag) return reply.status(304).send();
  void reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
  if (!acceptsGzip(req.headers['accept-encoding'])) return reply.send(answer.json);
  return reply.header('content-encoding', 'gzip').send(answer.gzip);
}

/**
 * Answers kept per key (at most `kept`). `versionOf` reads the version of what the key's answer shows; `build`
 * makes the body for that version. The version and the write count are read before the body is built, so a write
 * that lands during a build leaves an answer that the next read rebuilds.
 */
export function preparedAnswers<Args>(
  runtime: Runtime,
  options: {
    kept: number;
    versionOf: (args: Args) => Promise<string>;
    build: (args: Args) => Promise<unknown>;
  },
): (key: string, args: Args) => Promise<PreparedAnswer> {
  const ready = new Map<string, PreparedAnswer>();
  const building = new Map<string, Promise<PreparedAnswer>>();
  const versionOf = sharedNextRead<string>();
  async function build(key: string, args: Args, version: string, writes: number): Promise<PreparedAnswer> {
    const json = JSON.stringify(await options.build(args));
    const tag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 32)}"`;
    const made: PreparedAnswer = { version, writes, tag, json, gzip: gzipSync(json) };
    if (ready.size >= options.kept && !ready.has(key)) {
      const oldest = ready.keys().next().value;
      if (oldest !== undefined) ready.delete(oldest);
    }
    ready.set(key, made);
    return made;
  }
  return async (key, args) => {
    const writes = runtime.db.writes();
    const known = ready.get(key);
    if (known !== undefined && runtime.db.exclusive && known.writes === writes) return known;
    const version = await versionOf(key, () => options.versionOf(args));
    if (known !== undefined && known.version === version) {
      known.writes = writes;
      return known;
    }
    const once = `${key}\n${version}`;
    const running = building.get(once);
    if (running !== undefined) return running;
    const work = build(key, args, version, writes).finally(() => building.delete(once));
    building.set(once, work);
    return work;
  };
}
