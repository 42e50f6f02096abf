// Published figures and verdicts of a plan over HTTP: a later vintage of a figure (estimate → preliminary →
// official), the verdict changes it caused, and a plan owner's manual override with its reason.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { EvaluationStatus } from '../../core/vocabulary.ts';
import type { Runtime } from '../../runtime.ts';
import { listEvaluationChanges } from '../../services/evaluations/list-evaluation-changes.ts';
import { recordOverride } from '../../services/evaluations/record-override.ts';
import { addVintage, type AddVintageInput } from '../../services/observations/add-vintage.ts';
import { Common, FigureValue } from './pagination.ts';
import { contextOf } from './route-table.ts';
import { Vocabulary } from './vocabulary.ts';

const DATE = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const PlanParams = Type.Object({ code: Common.code }, { additionalProperties: false });
// A vintage may be of a whole term ("2021-2025") as well as of a year or part of one.
const VintagePeriod = Type.String({
  pattern: '^(19|20|21)\\d{2}(-((19|20|21)\\d{2}|Q[1-4]|H[12]|M(0[1-9]|1[0-2])|9M))?$',
  maxLength: 10,
});
const Verdict = Type.Object({
  status: Nullable(Vocabulary.evaluationStatus),
  value: Nullable(Type.String()),
  word: Nullable(Type.String()),
  vintages: Type.Array(Type.String()),
});
const Change = Type.Object({
  targetId: Type.String(),
  indicator: Type.Object({ code: Type.String(), name: Type.String() }),
  target: Type.String(),
  before: Nullable(Verdict),
  after: Verdict,
});
const StoredChange = Type.Object({
  at: Type.String(),
  indicator: Type.Object({ code: Type.String(), name: Type.String() }),
  target: Type.String(),
  before: Type.Object({ status: Nullable(Vocabulary.evaluationStatus), value: Nullable(Type.String()) }),
  after: Type.Object({ status: Vocabulary.evaluationStatus, value: Nullable(Type.String()) }),
  cause: Nullable(
    Type.Object({
      period: Type.String(),
      value: Nullable(Type.String()),
      status: Vocabulary.observationStatus,
      label: Nullable(Type.String()),
      source: Nullable(Type.String()),
      publishedOn: Nullable(Type.String()),
    }),
  ),
});

export async function vintageRoutes(api: FastifyInstance, runtime: Runtime): Promise<void> {
  api.post(
    '/plans/:code/vintages',
    {
      config: { action: 'vintage.add' },
      schema: {
        tags: ['evaluations'],
        summary:
          'Record a later vintage (or a correction) of a published figure; an official one counts at once and answers with every verdict it moved, an estimate or preliminary one awaits a second person',
        params: PlanParams,
        body: Type.Object(
          {
            indicatorCode: Common.code,
            period: VintagePeriod,
            value: FigureValue,
            status: Vocabulary.observationStatus,
            label: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            source: Type.String({ minLength: 1, maxLength: 500 }),
            publishedOn: Type.String({ pattern: DATE }),
            kind: Type.Optional(Vocabulary.vintageKind),
            reason: Type.Optional(Type.String({ maxLength: 2000 })),
            unitCode: Type.Optional(Type.String({ pattern: '^[0-9]{2,5}$' })),
            confirmImplausible: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            observationId: Type.String(),
            versionId: Type.String(),
            seq: Type.Integer(),
            workflowState: Type.Union([Type.Literal('approved'), Type.Literal('submitted')], {
              description:
                'approved: an official publication recorded with its document, counted at once; submitted: awaits approval by someone else',
            }),
            changes: Type.Array(Change),
          }),
        },
      },
    },
    async (req, reply) => {
      const input = {
        ...(req.body as Omit<AddVintageInput, 'planCode'>),
        planCode: (req.params as { code: string }).code,
      };
      return reply.status(201).send(await addVintage({ ctx: contextOf(runtime, req), input }));
    },
  );
  api.get(
    '/plans/:code/evaluation-changes',
    {
      config: { action: 'evaluation.read' },
      schema: {
        tags: ['evaluations'],
        summary: 'Every verdict or value change of the plan, newest first, with the vintage that caused it',
        params: PlanParams,
        response: { 200: Type.Object({ items: Type.Array(StoredChange) }) },
      },
    },
    async (req) => ({
      items: await listEvaluationChanges({
        ctx: contextOf(runtime, req),
        input: { planCode: (req.params as { code: string }).code },
      }),
    }),
  );
  api.post(
    '/plans/:code/overrides',
    {
      config: { action: 'evaluation.override' },
      schema: {
        tags: ['evaluations'],
        summary:
          'Record a manual verdict for the target of an indicator, with its reason (shown beside the computed one)',
        params: PlanParams,
        body: Type.Object(
          {
            indicatorCode: Common.code,
            status: Vocabulary.evaluationStatus,
            reason: Type.String({ minLength: 1, maxLength: 1000 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ overrideId: Type.String() }) },
      },
    },
    async (req, reply) => {
      const input = {
        ...(req.body as { indicatorCode: string; status: EvaluationStatus; reason: string }),
        planCode: (req.params as { code: string }).code,
      };
      return reply.status(201).send(await recordOverride({ ctx: contextOf(runtime, req), input }));
    },
  );
}
