// Plans: the list a user may see. The public list (the portal's first page on a results day) is kept ready to send,
// serialised and gzipped, and checked against the plans' version on every read (prepared-answers.ts); its counts are
// stored by the database (plan_summaries), so even a changed list is one cheap query. Signed-in answers are no-store.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { Runtime } from '../../runtime.ts';
import type { ServiceContext } from '../../services/context.ts';
import { listPlans, planListVersionOf } from '../../services/plans/list-plans.ts';
import { preparedAnswers, PUBLIC_MAX_AGE, sendPrepared } from '../prepared-answers.ts';
import { contextOf } from './route-table.ts';

export const PlanSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  code: Type.String(),
  tenant: Type.String(),
  name: Type.String(),
  unit: Type.Union([Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }), Type.Null()]),
  term: Type.Object({ firstYear: Type.Integer(), lastYear: Type.Integer() }),
  status: Type.String(),
  counts: Type.Object({
    indicators: Type.Integer(),
    targets: Type.Integer(),
    tasks: Type.Integer(),
    projects: Type.Integer(),
    breakthroughs: Type.Integer(),
  }),
});

export async function planRoutes(api: FastifyInstance, runtime: Runtime): Promise<void> {
  const publicList = preparedAnswers<{ ctx: ServiceContext; tenant?: string }>(runtime, {
    kept: 64,
    versionOf: ({ ctx }) => planListVersionOf(ctx),
    build: async ({ ctx, tenant }) => ({
      items: await listPlans({ ctx, input: tenant === undefined ? {} : { tenant } }),
    }),
  });
  api.get(
    '/plans',
    {
      config: { action: 'plan.read' },
      schema: {
        tags: ['plans'],
        summary: 'List plans',
        description:
          'Public answers carry a strong ETag and ' +
          `Cache-Control: public, max-age=${PUBLIC_MAX_AGE} (If-None-Match gives 304); signed-in answers are no-store.`,
        querystring: Type.Object(
          { tenant: Type.Optional(Type.String({ maxLength: 64 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(PlanSchema) }),
          304: Type.Null({ description: 'not modified (If-None-Match)' }),
        },
      },
    },
    async (req, reply) => {
      const q = req.query as { tenant?: string };
      const ctx = contextOf(runtime, req);
      if (ctx.actor.kind === 'public') {
        const ready = await publicList(q.tenant ?? '', {
          ctx,
          ...(q.tenant === undefined ? {} : { tenant: q.tenant }),
        });
        return sendPrepared(req, reply, ready);
      }
      void reply.header('cache-control', 'no-store');
      return { items: await listPlans({ ctx, input: q }) };
    },
  );
}
