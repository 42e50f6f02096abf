// Plans: the list a user may see.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { Runtime } from '../../runtime.ts';
import { publicActor } from '../../services/context.ts';
import { listPlans } from '../../services/plans/list-plans.ts';

export const PlanSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  code: Type.String(),
  tenant: Type.String(),
  name: Type.String(),
  unit: Type.Union([Type.Object({ code: Type.String(), name: Type.String() }), Type.Null()]),
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
  api.get(
    '/plans',
    {
      config: { action: 'plan.read' },
      schema: {
        tags: ['plans'],
        summary: 'List plans',
        querystring: Type.Object(
          { tenant: Type.Optional(Type.String({ maxLength: 64 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(PlanSchema) }) },
      },
    },
    async (req) => {
      const q = req.query as { tenant?: string };
      const ctx = { db: runtime.db, actor: req.actor ?? publicActor(), now: () => new Date(), requestId: req.id };
      return { items: await listPlans({ ctx, input: q }) };
    },
  );
}
