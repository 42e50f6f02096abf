// Entering figures in the web app: the figure checks as one types (nothing written), the agency's inbox and what
// each agency owes counted from it, and the stories behind the numbers (nguyên nhân / giải pháp / kiến nghị) per
// target and period.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { Runtime } from '../../runtime.ts';
import { agencyInbox } from '../../services/inbox/agency-inbox.ts';
import { listAgencyObligations } from '../../services/inbox/list-agency-obligations.ts';
import { checkObservation, type CheckObservationInput } from '../../services/observations/check-observation.ts';
import { listStories } from '../../services/stories/list-stories.ts';
import { recordStory, type RecordStoryInput } from '../../services/stories/record-story.ts';
import { Common, FigureValue } from './pagination.ts';
import { contextOf } from './route-table.ts';
import { Vocabulary } from './vocabulary.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Words = Type.Object({ vi: Type.String(), en: Type.String() });
const Issue = Type.Object({ path: Type.String(), reason: Words });
const Flag = Type.Object({ code: Type.String(), field: Type.String(), value: Type.String(), messages: Words });
const AnyPeriod = Type.String({
  maxLength: 12,
  pattern: '^(19|20|21)\\d{2}(-((19|20|21)\\d{2}|Q[1-4]|H[12]|M(0[1-9]|1[0-2])|9M))?$',
});
const Story = Type.Object({
  id: Type.String(),
  targetId: Type.String(),
  indicatorCode: Type.String(),
  period: Type.String(),
  seq: Type.Integer(),
  cause: Type.String(),
  measures: Type.String(),
  requests: Nullable(Type.String()),
  author: Type.Object({ id: Nullable(Type.String()), name: Nullable(Type.String()) }),
  at: Type.String(),
  current: Type.Boolean(),
});
const Required = Nullable(
  Type.Object({
    kind: Type.String(),
    value: Type.String(),
    target: Type.String(),
    remainingYears: Type.Integer(),
    fromYear: Type.Integer(),
    toYear: Type.Integer(),
  }),
);
const Plausibility = Nullable(
  Type.Object({
    flags: Type.Array(Type.Object({ code: Type.String(), value: Type.String(), messages: Words })),
    reason: Type.String(),
  }),
);
const InboxItem = Type.Object({
  indicator: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), unitOfMeasure: Type.String() }),
  unit: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }),
  period: Type.String(),
  periodLabel: Words,
  dueDate: Type.String(),
  overdue: Type.Boolean(),
  current: Type.Boolean(),
  state: Type.Union([Type.Literal('missing'), Vocabulary.workflowState]),
  figure: Nullable(
    Type.Object({
      observationId: Type.String(),
      version: Type.Integer(),
      valueText: Nullable(Type.String()),
      status: Vocabulary.observationStatus,
      sourceText: Nullable(Type.String()),
      reason: Nullable(Type.String()),
      plausibility: Plausibility,
    }),
  ),
  returned: Nullable(Type.Object({ comment: Nullable(Type.String()), at: Type.String() })),
  previous: Nullable(Type.Object({ period: Type.String(), valueText: Type.String() })),
  targets: Type.Array(
    Type.Object({
      targetId: Type.String(),
      text: Type.String(),
      status: Nullable(Type.String()),
      displayStatus: Nullable(Words),
      required: Required,
      story: Nullable(Story),
    }),
  ),
});

export async function entryRoutes(api: FastifyInstance, runtime: Runtime): Promise<void> {
  api.post(
    '/observations/check',
    {
      config: { action: 'observation.enter' },
      schema: {
        tags: ['observations'],
        summary:
          'Run the figure checks on a figure as written, without storing anything: accepted, needs a confirmation with a reason, or refused naming each field',
        body: Type.Object(
          {
            indicatorId: Common.id,
            unitId: Common.id,
            period: Common.period,
            value: FigureValue,
            confirmImplausible: Type.Optional(Type.Boolean()),
            reason: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            outcome: Type.Union([
              Type.Literal('accepted'),
              Type.Literal('needs_confirmation'),
              Type.Literal('refused'),
            ]),
            valueText: Nullable(Type.String()),
            value: Nullable(Type.String()),
            issues: Type.Array(Issue),
            flags: Type.Array(Flag),
            message: Nullable(Words),
          }),
        },
      },
    },
    async (req) => checkObservation({ ctx: contextOf(runtime, req), input: req.body as CheckObservationInput }),
  );
  api.get(
    '/plans/:code/inbox',
    {
      config: { action: 'observation.enter' },
      schema: {
        tags: ['observations'],
        summary:
          "An agency's inbox: the figures it owes (due and overdue under the tenant's reporting regime) with the previous value, targets, required pace and story; its tasks and projects",
        params: Type.Object({ code: Common.code }, { additionalProperties: false }),
        querystring: Type.Object({ agency: Type.Optional(Common.id) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            plan: Type.Object({ code: Type.String(), name: Type.String() }),
            agencyId: Nullable(Type.String()),
            today: Type.String(),
            rules: Type.Object({ id: Type.String(), title: Words }),
            items: Type.Array(InboxItem),
            work: Type.Array(
              Type.Object({
                id: Type.String(),
                kind: Type.Union([Type.Literal('task'), Type.Literal('project')]),
                code: Type.String(),
                title: Type.String(),
                deadline: Nullable(Type.String()),
                lastReport: Nullable(Type.Object({ period: Type.String(), state: Type.String() })),
              }),
            ),
          }),
        },
      },
    },
    async (req) =>
      agencyInbox({
        ctx: contextOf(runtime, req),
        input: { planCode: (req.params as { code: string }).code, agencyId: (req.query as { agency?: string }).agency },
      }),
  );
  api.get(
    '/plans/:code/obligations',
    {
      config: { action: 'obligation.read' },
      schema: {
        tags: ['observations'],
        summary:
          'What each agency owes in a plan, from its inbox: figures due, of those late and returned, and the next deadline (agencyId null: indicators no agency owns)',
        params: Type.Object({ code: Common.code }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            plan: Type.Object({ code: Type.String(), name: Type.String() }),
            today: Type.String(),
            rules: Type.Object({ id: Type.String(), title: Words }),
            agencies: Type.Array(
              Type.Object({
                agencyId: Nullable(Type.String()),
                due: Type.Integer(),
                late: Type.Integer(),
                returned: Type.Integer(),
                nextDueDate: Nullable(Type.String()),
              }),
            ),
          }),
        },
      },
    },
    async (req) =>
      listAgencyObligations({
        ctx: contextOf(runtime, req),
        input: { planCode: (req.params as { code: string }).code },
      }),
  );
  api.get(
    '/plans/:code/stories',
    {
      config: { action: 'observation.read' },
      schema: {
        tags: ['observations'],
        summary:
          'The stories behind the numbers of a plan (cause, measures, requests), every version newest first, the current one marked; staff only (the public gets none)',
        params: Type.Object({ code: Common.code }, { additionalProperties: false }),
        querystring: Type.Object({ targetId: Type.Optional(Common.id) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(Story) }) },
      },
    },
    async (req) =>
      listStories({
        ctx: contextOf(runtime, req),
        input: {
          planCode: (req.params as { code: string }).code,
          targetId: (req.query as { targetId?: string }).targetId,
        },
      }),
  );
  api.post(
    '/targets/:id/stories',
    {
      config: { action: 'observation.enter' },
      schema: {
        tags: ['observations'],
        summary:
          'Tell the story behind a number for a target and period (a new version; the earlier ones are kept): cause, measures, requests',
        params: Type.Object({ id: Common.id }, { additionalProperties: false }),
        body: Type.Object(
          {
            period: AnyPeriod,
            cause: Type.String({ maxLength: 4000 }),
            measures: Type.String({ maxLength: 4000 }),
            requests: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Type.String(), seq: Type.Integer() }) },
      },
    },
    async (req, reply) => {
      const r = await recordStory({
        ctx: contextOf(runtime, req),
        input: { ...(req.body as Omit<RecordStoryInput, 'targetId'>), targetId: (req.params as { id: string }).id },
      });
      return reply.status(201).send(r);
    },
  );
}
