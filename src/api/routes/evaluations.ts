// Evaluations of a plan: served from the stored evaluation (computed when its inputs last changed), with a strong
// ETag so public readers and caches revalidate for free; asked on other terms (a past publication date, another
// month, unapproved figures) it is computed on request within a small bound (429 when exceeded). The public default
// answer is kept ready, serialised and compressed, per plan and day, and served while its version holds (see
// "The read path" in docs/ARCHITECTURE.md): a hit costs no serialisation, no compression, no schema, and on PGlite
// no query at all.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { Runtime } from '../../runtime.ts';
import type { ServiceContext } from '../../services/context.ts';
import { planEvaluationVersionOf, readPlanEvaluation } from '../../services/evaluations/evaluate-plan.ts';
import { PlanEvaluationSchema } from '../schemas/evaluation.ts';
import { sharedNextRead } from '../shared-next-read.ts';
import { Common } from './pagination.ts';
import { contextOf } from './route-table.ts';

const DATE = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';

/** Public answers may be cached briefly and revalidated with the ETag; a new figure shows within this many seconds. */
const PUBLIC_MAX_AGE = 30;

/**
 * Serialised answers by tag: an answer with the same tag is byte for byte the same, so it is presented and
 * compressed once (about 100 kB of JSON for 81 targets, about a tenth of it gzipped).
 */
interface Presented {
  json: string;
  gzip: Buffer | null;
}
const presented = new Map<string, Presented>();
const PRESENTED_KEPT = 64;

function remember(tag: string, json: string): Presented {
  if (presented.size >= PRESENTED_KEPT) {
    const oldest = presented.keys().next().value;
    if (oldest !== undefined) presented.delete(oldest);
  }
  const entry = { json, gzip: null };
  presented.set(tag, entry);
  return entry;
}

const acceptsGzip = (header: string | undefined): boolean => header !== undefined && /\bgzip\b/.test(header);

/** A public default answer ready to send, with the version of the rows it was built from. */
interface Ready {
  version: string;
  /** The database handle's write count when the version was read (meaningful on an exclusive database only). */
  writes: number;
  tag: string;
  json: string;
  gzip: Buffer;
}
const READY_KEPT = 256;

function sendReady(req: FastifyRequest, reply: FastifyReply, ready: Ready): FastifyReply {
  void reply.header('cache-control', `public, max-age=${PUBLIC_MAX_AGE}`).header('etag', ready.tag);
  if (req.headers['if-none-match'] === ready.tag) return reply.status(304).send();
  void reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
  if (!acceptsGzip(req.headers['accept-encoding'])) return reply.send(ready.json);
  return reply.header('content-encoding', 'gzip').send(ready.gzip);
}

/**
 * The public default answers of one server (per plan code and day). A hit is exact: on a database only this process
 * writes (PGlite) an unchanged write count proves nothing changed; otherwise (PostgreSQL, which other processes may
 * write) one indexed lookup of the rows' versions is made on every read, and any write committed before the read
 * began has renewed at least one of them. The version and the write count are read before the answer is built, so a
 * write that lands during a build leaves an entry that the next read rebuilds.
 */
function readyAnswers(runtime: Runtime): (ctx: ServiceContext, code: string) => Promise<Ready> {
  const ready = new Map<string, Ready>();
  const building = new Map<string, Promise<Ready>>();
  const versionOf = sharedNextRead<string | null>();
  async function build(ctx: ServiceContext, code: string, key: string, version: string, writes: number) {
    const answer = await readPlanEvaluation({ ctx, input: { planCode: code } });
    const json = JSON.stringify(await answer.view());
    const tag = `"${createHash('sha256')
      .update(`${answer.tag ?? ''}\n${version}`)
      .digest('base64url')
      .slice(0, 32)}"`;
    const made: Ready = { version, writes, tag, json, gzip: gzipSync(json) };
    if (ready.size >= READY_KEPT && !ready.has(key)) {
      const oldest = ready.keys().next().value;
      if (oldest !== undefined) ready.delete(oldest);
    }
    ready.set(key, made);
    return made;
  }
  return async (ctx, code) => {
    const key = `${code}\n${ctx.now().toISOString().slice(0, 10)}`;
    const writes = runtime.db.writes();
    const known = ready.get(key);
    if (known !== undefined && runtime.db.exclusive && known.writes === writes) return known;
    // Public reads of one code share the lookup (the public version does not depend on who asks).
    const version = await versionOf(code, () => planEvaluationVersionOf(ctx, code));
    if (known !== undefined && known.version === version) {
      known.writes = writes;
      return known;
    }
    // Unknown plan: the full read path answers (404 with its bilingual problem).
    if (version === null) return build(ctx, code, key, '', writes);
    const once = `${key}\n${version}`;
    const running = building.get(once);
    if (running !== undefined) return running;
    const work = build(ctx, code, key, version, writes).finally(() => building.delete(once));
    building.set(once, work);
    return work;
  };
}

export async function evaluationRoutes(api: FastifyInstance, runtime: Runtime): Promise<void> {
  const readyAnswer = readyAnswers(runtime);
  api.get(
    '/plans/:code/evaluations',
    {
      config: { action: 'evaluation.read' },
      schema: {
        tags: ['evaluations'],
        summary: 'Evaluate every target of a plan',
        description:
          'Served from the evaluation stored when its inputs last changed. Public answers carry a strong ETag and ' +
          `Cache-Control: public, max-age=${PUBLIC_MAX_AGE} (If-None-Match gives 304); signed-in answers are no-store. ` +
          'publishedOn, an asOf in another month or dataBasis=all are computed on request, a few at a time (429 when busy).',
        params: Type.Object({ code: Common.code }, { additionalProperties: false }),
        querystring: Type.Object(
          {
            asOf: Type.Optional(Type.String({ pattern: DATE })),
            dataBasis: Type.Optional(Type.Union([Type.Literal('approved'), Type.Literal('all')])),
            publishedOn: Type.Optional(Type.String({ pattern: DATE })),
          },
          { additionalProperties: false },
        ),
        response: { 200: PlanEvaluationSchema, 304: Type.Null({ description: 'not modified (If-None-Match)' }) },
      },
    },
    async (req, reply) => {
      const q = req.query as { asOf?: string; dataBasis?: 'approved' | 'all'; publishedOn?: string };
      const ctx = contextOf(runtime, req);
      const code = (req.params as { code: string }).code;
      const plain = q.asOf === undefined && q.publishedOn === undefined && (q.dataBasis ?? 'approved') === 'approved';
      if (plain && ctx.actor.kind === 'public') return sendReady(req, reply, await readyAnswer(ctx, code));
      const answer = await readPlanEvaluation({
        ctx,
        input: { planCode: code, ...q },
      });
      const signedIn = ctx.actor.kind !== 'public';
      void reply.header('cache-control', signedIn ? 'no-store' : `public, max-age=${PUBLIC_MAX_AGE}`);
      if (answer.tag !== null && !signedIn) {
        void reply.header('etag', answer.tag);
        if (req.headers['if-none-match'] === answer.tag) return reply.status(304).send();
      }
      void reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
      // The body is serialised here (the schema documents it; a test checks real answers against it).
      if (answer.tag === null) return reply.send(JSON.stringify(await answer.view()));
      const entry = presented.get(answer.tag) ?? remember(answer.tag, JSON.stringify(await answer.view()));
      if (!acceptsGzip(req.headers['accept-encoding'])) return reply.send(entry.json);
      entry.gzip ??= gzipSync(entry.json);
      return reply.header('content-encoding', 'gzip').send(entry.gzip);
    },
  );
}
