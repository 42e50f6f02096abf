// A plan owner splits a city target into per-commune targets (each commune's share), with a reason: the service
// checks the split against the indicator's declared aggregation method and names each commune at fault.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { Runtime } from '../../runtime.ts';
import { splitTarget } from '../../services/reference/split-target.ts';
import { Common } from './pagination.ts';
import { contextOf } from './route-table.ts';

const Share = Type.Object(
  {
    unit: Type.String({ pattern: '^[0-9]{5}$', description: 'the commune’s unit code' }),
    value: Type.String({
      minLength: 1,
      maxLength: 40,
      description: 'the commune’s share, decimal text with a dot ("1250.5"), in the indicator’s unit',
    }),
  },
  { additionalProperties: false },
);

export async function targetSplitRoutes(api: FastifyInstance, runtime: Runtime): Promise<void> {
  api.post(
    '/plans/:code/targets/:id/split',
    {
      config: { action: 'reference.manage' },
      schema: {
        tags: ['reference'],
        summary:
          "Split a city target into per-commune targets (plan owner, admin), with a reason: one share per commune; for a sum-aggregated indicator the shares add up to the city target within its precision, for a rate or share each commune gets its own value. Each commune target reads that commune's figures and is shown, labelled, outside the plan's counts; a previous split's commune targets are superseded; audited; the evaluation recomputed",
        params: Type.Object(
          { code: Common.code, id: Type.String({ format: 'uuid' }) },
          { additionalProperties: false },
        ),
        body: Type.Object(
          {
            shares: Type.Array(Share, { minItems: 1, maxItems: 5000 }),
            reason: Type.String({ minLength: 1, maxLength: 1000 }),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            targetId: Type.String(),
            rule: Type.Union([Type.Literal('sum'), Type.Literal('each')], {
              description: 'sum: the shares add up to the city target; each: every commune has a value of its own',
            }),
            total: Type.Union([Type.String(), Type.Null()]),
            targets: Type.Array(
              Type.Object({
                id: Type.String(),
                unit: Type.String(),
                name: Type.String(),
                value: Type.String(),
                text: Type.String(),
                replaced: Type.Union([Type.String(), Type.Null()], {
                  description: 'the previous split’s target of this commune, now superseded',
                }),
              }),
            ),
            changes: Type.Array(Type.Object({}, { additionalProperties: true })),
          }),
        },
      },
    },
    async (req, reply) => {
      const p = req.params as { code: string; id: string };
      const body = req.body as { shares: Array<{ unit: string; value: string }>; reason: string };
      const out = await splitTarget({
        ctx: contextOf(runtime, req),
        input: { planCode: p.code, targetId: p.id, shares: body.shares, reason: body.reason },
      });
      return reply.status(201).send(out);
    },
  );
}
