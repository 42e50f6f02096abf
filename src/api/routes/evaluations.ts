// Evaluations of a plan, computed on read from approved (default) or all figures; the answer says which.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { Runtime } from '../../runtime.ts';
import { evaluatePlan } from '../../services/evaluations/evaluate-plan.ts';
import { Common } from './pagination.ts';
import { contextOf } from './route-table.ts';

const DATE = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';

export async function evaluationRoutes(api: FastifyInstance, runtime: Runtime): Promise<void> {
  api.get(
    '/plans/:code/evaluations',
    {
      config: { action: 'evaluation.read' },
      schema: {
        tags: ['evaluations'],
        summary: 'Evaluate every target of a plan',
        params: Type.Object({ code: Common.code }, { additionalProperties: false }),
        querystring: Type.Object(
          {
            asOf: Type.Optional(Type.String({ pattern: DATE })),
            dataBasis: Type.Optional(Type.Union([Type.Literal('approved'), Type.Literal('all')])),
            publishedOn: Type.Optional(Type.String({ pattern: DATE })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => {
      const q = req.query as { asOf?: string; dataBasis?: 'approved' | 'all'; publishedOn?: string };
      return evaluatePlan({
        ctx: contextOf(runtime, req),
        input: { planCode: (req.params as { code: string }).code, ...q },
      });
    },
  );
}
