// Evaluations of a plan: served from the stored evaluation (computed when its inputs last changed), with a strong
// ETag so public readers and caches revalidate for free; asked on other terms (a past publication date, another
// month, unapproved figures) it is computed on request within a small bound (429 when exceeded). The public default
// answer is kept ready, serialised and compressed, per plan and day, and served while its version holds
// (prepared-answers.ts; "The read path" in docs/ARCHITECTURE.md): a hit costs no serialisation, no compression, no
// schema, and on PGlite no query at all.
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { Runtime } from '../../runtime.ts';
import type { ServiceContext } from '../../services/context.ts';
import {
  listViewOf,
  planEvaluationVersionOf,
  readPlanEvaluation,
  type PlanEvaluationView,
} from '../../services/evaluations/evaluate-plan.ts';
import { PlanEvaluationListSchema, PlanEvaluationSchema } from '../schemas/evaluation.ts';
import { codingFor, matchesTag, preparedAnswers, PUBLIC_MAX_AGE, sendPrepared } from '../prepared-answers.ts';
import { Common } from './pagination.ts';
import { contextOf } from './route-table.ts';

const DATE = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';

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
/** Public default answers kept ready (plans × days). */
const READY_KEPT = 256;

function remember(tag: string, json: string): Presented {
  if (presented.size >= PRESENTED_KEPT) {
    const oldest = presented.keys().next().value;
    if (oldest !== undefined) presented.delete(oldest);
  }
  const entry = { json, gzip: null };
  presented.set(tag, entry);
  return entry;
}

export type Query = { asOf?: string; dataBasis?: 'approved' | 'all'; publishedOn?: string };

export const querystring = Type.Object(
  {
    asOf: Type.Optional(Type.String({ pattern: DATE })),
    dataBasis: Type.Optional(Type.Union([Type.Literal('approved'), Type.Literal('all')])),
    publishedOn: Type.Optional(Type.String({ pattern: DATE })),
  },
  { additionalProperties: false },
);

/**
 * The two shapes of a plan's evaluation: every row in full (the indicator and explanation pages, `chitieu evaluate
 * --json`), and the rows as the plan's lists show them (the overview, the portal, an agency's targets: about half the
 * bytes; docs/decisions/0010-evaluation-list.md). Both come from the same stored rows and presenter.
 */
const SHAPES = {
  full: { path: '', schema: PlanEvaluationSchema, shape: (v: PlanEvaluationView): unknown => v },
  list: { path: '/list', schema: PlanEvaluationListSchema, shape: listViewOf },
} as const;

export async function evaluationRoutes(api: FastifyInstance, runtime: Runtime): Promise<void> {
  for (const [name, { path, schema, shape }] of Object.entries(SHAPES)) {
    // The public default answers (per plan code and day), kept ready; an unknown plan has no version, and its read
    // goes the full way to its 404 with the bilingual problem.
    const readyAnswer = preparedAnswers<{ ctx: ServiceContext; code: string }>(runtime, {
      kept: READY_KEPT,
      versionOf: ({ ctx, code }) => planEvaluationVersionOf(ctx, code),
      build: async ({ ctx, code }) =>
        shape(await (await readPlanEvaluation({ ctx, input: { planCode: code } })).view()),
    });
    api.get(
      `/plans/:code/evaluations${path}`,
      {
        config: { action: 'evaluation.read' },
        schema: {
          tags: ['evaluations'],
          summary:
            name === 'list'
              ? 'Every target of a plan evaluated, as the plan’s lists show it'
              : 'Evaluate every target of a plan',
          description:
            (name === 'list'
              ? 'The same answer as /plans/{code}/evaluations with each row cut to what the overview, the portal and ' +
                'an agency’s page show: every field kept has the same name and value as in the full row. '
              : '') +
            'Served from the evaluation stored when its inputs last changed. Public answers carry a strong ETag and ' +
            `Cache-Control: public, max-age=${PUBLIC_MAX_AGE} (If-None-Match gives 304); signed-in answers are no-store. ` +
            'publishedOn, an asOf in another month or dataBasis=all are computed on request, a few at a time (429 when busy).',
          params: Type.Object({ code: Common.code }, { additionalProperties: false }),
          querystring,
          response: { 200: schema, 304: Type.Null({ description: 'not modified (If-None-Match)' }) },
        },
      },
      async (req, reply) => {
        const q = req.query as Query;
        const ctx = contextOf(runtime, req);
        const code = (req.params as { code: string }).code;
        const plain = q.asOf === undefined && q.publishedOn === undefined && (q.dataBasis ?? 'approved') === 'approved';
        if (plain && ctx.actor.kind === 'public') {
          const day = ctx.now().toISOString().slice(0, 10);
          return sendPrepared(req, reply, await readyAnswer(`${code}\n${day}`, { ctx, code }));
        }
        const answer = await readPlanEvaluation({
          ctx,
          input: { planCode: code, ...q },
        });
        // The list is another representation of the same rows: its own tag.
        const tag = answer.tag === null ? null : name === 'full' ? answer.tag : `${answer.tag.slice(0, -1)}-${name}"`;
        const signedIn = ctx.actor.kind !== 'public';
        void reply.header('cache-control', signedIn ? 'no-store' : `public, max-age=${PUBLIC_MAX_AGE}`);
        if (tag !== null && !signedIn) {
          void reply.header('etag', tag);
          if (matchesTag(req.headers['if-none-match'], tag)) return reply.status(304).send();
        }
        void reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
        // The body is serialised here (the schema documents it; a test checks real answers against it).
        if (tag === null) return reply.send(JSON.stringify(shape(await answer.view())));
        const entry = presented.get(tag) ?? remember(tag, JSON.stringify(shape(await answer.view())));
        if (codingFor(req.headers['accept-encoding'], { br: null }) === null) return reply.send(entry.json);
        entry.gzip ??= gzipSync(entry.json);
        return reply.header('content-encoding', 'gzip').send(entry.gzip);
      },
    );
  }
}
