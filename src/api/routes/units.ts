// Units with time and consolidation: a merged unit's plan's consolidated baselines, the register on a date, a
// commune register imported by the plan owner with its legal document, and a unit ended (or restored).
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { Runtime } from '../../runtime.ts';
import { consolidatedBaselines } from '../../services/consolidation/consolidated-baselines.ts';
import { endUnit } from '../../services/reference/end-unit.ts';
import { importUnits, type ImportUnitsInput } from '../../services/reference/import-units.ts';
import { unitsOnDate } from '../../services/reference/units-on-date.ts';
import { Common } from './pagination.ts';
import { contextOf } from './route-table.ts';

const DATE = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
const UnitCode = Type.String({ pattern: '^([0-9]{2}|[0-9]{5})$' });

export async function unitRoutes(api: FastifyInstance, runtime: Runtime): Promise<void> {
  api.get(
    '/plans/:code/baselines',
    {
      config: { action: 'evaluation.read' },
      schema: {
        tags: ['evaluations'],
        summary:
          "Consolidated baselines of a merged unit's plan: each indicator's base-period figure computed from the former units with its declared method, step by step, compared with a stated figure; what is missing",
        params: Type.Object({ code: Common.code }, { additionalProperties: false }),
        querystring: Type.Object(
          { dataBasis: Type.Optional(Type.Union([Type.Literal('approved'), Type.Literal('all')])) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) =>
      consolidatedBaselines({
        ctx: contextOf(runtime, req),
        input: {
          planCode: (req.params as { code: string }).code,
          ...(req.query as { dataBasis?: 'approved' | 'all' }),
        },
      }),
  );

  api.get(
    '/units/register',
    {
      config: { action: 'reference.read' },
      schema: {
        tags: ['reference'],
        summary: "The units as they were on a date, each with the code that holds its territory on today's boundaries",
        querystring: Type.Object(
          {
            on: Type.String({ pattern: DATE }),
            today: Type.Optional(Type.String({ pattern: DATE })),
            level: Type.Optional(
              Type.Union(['province', 'commune', 'ward', 'special_zone'].map((l) => Type.Literal(l))),
            ),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) =>
      unitsOnDate({ ctx: contextOf(runtime, req), input: req.query as { on: string; today?: string; level?: string } }),
  );

  api.post(
    '/units/import',
    {
      config: { action: 'reference.manage' },
      schema: {
        tags: ['reference'],
        summary:
          'Import a commune register (CSV: code,name,kind,parent,valid_from,valid_to,event,related) with its legal document (admin, plan owner)',
        body: Type.Object(
          {
            csv: Type.String({ minLength: 1, maxLength: 2_000_000 }),
            document: Type.Object(
              {
                number: Type.String({ minLength: 1, maxLength: 100 }),
                date: Type.String({ pattern: DATE }),
                issuer: Type.Optional(Type.String({ maxLength: 300 })),
                title: Type.Optional(Type.String({ maxLength: 500 })),
              },
              { additionalProperties: false },
            ),
            reason: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            created: Type.Integer(),
            unchanged: Type.Integer(),
            lineage: Type.Integer(),
            document: Type.Object({ id: Type.String(), number: Type.String(), date: Type.String() }),
          }),
        },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await importUnits({ ctx: contextOf(runtime, req), input: req.body as ImportUnitsInput })),
  );

  api.post(
    '/units/:code/end',
    {
      config: { action: 'reference.manage' },
      schema: {
        tags: ['reference'],
        summary:
          'Record the last day a unit existed (merged or dissolved), or null when it exists again; every plan is recomputed (admin, plan owner)',
        params: Type.Object({ code: UnitCode }, { additionalProperties: false }),
        body: Type.Object(
          {
            validTo: Type.Union([Type.String({ pattern: DATE }), Type.Null()]),
            reason: Type.String({ minLength: 1, maxLength: 2000 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ code: Type.String(), validTo: Type.Union([Type.String(), Type.Null()]) }) },
      },
    },
    async (req) => {
      const code = (req.params as { code: string }).code;
      const body = req.body as { validTo: string | null; reason: string };
      await endUnit({
        ctx: contextOf(runtime, req),
        input: { unitCode: code, validTo: body.validTo, reason: body.reason },
      });
      return { code, validTo: body.validTo };
    },
  );
}
