// One indicator's evaluation (the indicator page) and one target's (the explanation page): the plan's stored
// evaluation cut to their rows (services/evaluations/read-evaluation-part.ts), so a phone opening one indicator reads
// a few kilobytes instead of the whole plan. The same query options and caching as the plan's answer
// (evaluations.ts): the public default answer is kept ready per indicator (or target) and day under the plan's
// version, with a strong ETag; signed-in answers are no-store.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { Runtime } from '../../runtime.ts';
import type { ServiceContext } from '../../services/context.ts';
import { planEvaluationVersionOf } from '../../services/evaluations/evaluate-plan.ts';
import {
  readIndicatorEvaluation,
  readTargetEvaluation,
  type EvaluationPartView,
} from '../../services/evaluations/read-evaluation-part.ts';
import { EvaluationPartSchema } from '../schemas/evaluation.ts';
import { prepare, preparedAnswers, PUBLIC_MAX_AGE, sendPrepared } from '../prepared-answers.ts';
import { querystring, type Query } from './evaluations.ts';
import { Common } from './pagination.ts';
import { contextOf } from './route-table.ts';

/** Kept answers (indicators or targets × plans × days): a few kilobytes each. */
const READY_KEPT = 2048;

const PARTS = {
  indicator: {
    path: '/plans/:code/indicators/:indicator/evaluations',
    param: 'indicator',
    key: Type.String({ minLength: 1, maxLength: 40, description: 'the indicator’s code' }),
    summary: 'One indicator’s evaluation: the rows of its targets and of its sub-indicators’',
    read: (ctx: ServiceContext, input: Query & { planCode: string; key: string }) =>
      readIndicatorEvaluation({ ctx, input: { ...input, indicatorCode: input.key } }),
  },
  target: {
    path: '/plans/:code/targets/:target/evaluations',
    param: 'target',
    key: Type.String({
      pattern: '^(composite:)?[0-9a-fA-F-]{36}$',
      description:
        'the target’s id, as the plan answer’s rows name it (a composite parent’s row: composite:<indicator id>)',
    }),
    summary: 'One target’s evaluation: its row',
    read: (ctx: ServiceContext, input: Query & { planCode: string; key: string }) =>
      readTargetEvaluation({ ctx, input: { ...input, targetId: input.key } }),
  },
} as const;

export async function evaluationPartRoutes(api: FastifyInstance, runtime: Runtime): Promise<void> {
  for (const [name, part] of Object.entries(PARTS)) {
    // Keyed by the plan's version: every write that can change the plan's evaluation renews it (evaluations.ts).
    const readyAnswer = preparedAnswers<{ ctx: ServiceContext; code: string; key: string }>(runtime, {
      kept: READY_KEPT,
      versionOf: ({ ctx, code }) => planEvaluationVersionOf(ctx, code),
      build: ({ ctx, code, key }) => part.read(ctx, { planCode: code, key }),
    });
    const send = async (req: FastifyRequest, reply: FastifyReply, ctx: ServiceContext, body: EvaluationPartView) => {
      if (ctx.actor.kind === 'public') return sendPrepared(req, reply, await prepare(body, '', runtime.db.writes()));
      void reply.header('cache-control', 'no-store').type('application/json; charset=utf-8');
      return reply.send(JSON.stringify(body));
    };
    api.get(
      part.path,
      {
        config: { action: 'evaluation.read' },
        schema: {
          tags: ['evaluations'],
          summary: part.summary,
          description:
            'The full rows of /plans/{code}/evaluations for this ' +
            (name === 'indicator' ? 'indicator (and its sub-indicators)' : 'target') +
            ', the same values in the same order, with the plan answer’s header less its summary and counts. ' +
            'Served from the stored evaluation; the same query options. Public answers carry a strong ETag and ' +
            `Cache-Control: public, max-age=${PUBLIC_MAX_AGE} (If-None-Match gives 304); signed-in answers are no-store.`,
          params: Type.Object({ code: Common.code, [part.param]: part.key }, { additionalProperties: false }),
          querystring,
          response: { 200: EvaluationPartSchema, 304: Type.Null({ description: 'not modified (If-None-Match)' }) },
        },
      },
      async (req, reply) => {
        const q = req.query as Query;
        const ctx = contextOf(runtime, req);
        const params = req.params as Record<string, string>;
        const code = params.code ?? '';
        const key = params[part.param] ?? '';
        const plain = q.asOf === undefined && q.publishedOn === undefined && (q.dataBasis ?? 'approved') === 'approved';
        if (plain && ctx.actor.kind === 'public') {
          const day = ctx.now().toISOString().slice(0, 10);
          return sendPrepared(req, reply, await readyAnswer(`${code}\n${key}\n${day}`, { ctx, code, key }));
        }
        return send(req, reply, ctx, await part.read(ctx, { planCode: code, key, ...q }));
      },
    );
  }
}
