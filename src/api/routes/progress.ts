// Progress reports of tasks and progress updates of projects: list, enter, revise, submit, return, approve — the
// same workflow as observations. The ETag is the report's version; every write on an existing report needs If-Match,
// and a revision is a new report (a new id) superseding the old one.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { Runtime } from '../../runtime.ts';
import type { Action } from '../../services/policy.ts';
import { approveProgressReport } from '../../services/progress/approve-progress-report.ts';
import { enterProgressReport } from '../../services/progress/enter-progress-report.ts';
import { listProgressReports } from '../../services/progress/list-progress-reports.ts';
import { returnProgressReport } from '../../services/progress/return-progress-report.ts';
import { reviseProgressReport } from '../../services/progress/revise-progress-report.ts';
import { submitProgressReport } from '../../services/progress/submit-progress-report.ts';
import type { ProgressFigures, ProgressKind } from '../../services/progress/progress-access.ts';
import { Comment, IdParams, IfMatch, ifMatchOf, written } from './observations.ts';
import { Common } from './pagination.ts';
import { contextOf } from './route-table.ts';
import { Vocabulary } from './vocabulary.ts';
import { EvidenceSchema } from './collaboration.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Opt = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Optional(Nullable(t));
const Url = Type.String({ maxLength: 2000, pattern: '^https?://[^\\s<>"]+$' });

const KINDS: {
  kind: ProgressKind;
  tag: string;
  parent: string;
  item: string;
  actions: { read: Action; enter: Action; submit: Action; review: Action };
  figures: Parameters<typeof Type.Object>[0];
}[] = [
  {
    kind: 'task',
    tag: 'tasks',
    parent: '/tasks/:id/reports',
    item: '/task-reports/:id',
    actions: {
      read: 'task.read',
      enter: 'task_report.enter',
      submit: 'task_report.submit',
      review: 'task_report.review',
    },
    figures: {
      progressPercent: Opt(Common.decimal),
      narrative: Type.String({ minLength: 1, maxLength: 5000 }),
      evidenceUrl: Opt(Url),
    },
  },
  {
    kind: 'project',
    tag: 'projects',
    parent: '/projects/:id/progress',
    item: '/project-progress/:id',
    actions: {
      read: 'project.read',
      enter: 'project_progress.enter',
      submit: 'project_progress.submit',
      review: 'project_progress.review',
    },
    figures: {
      physicalPlannedPercent: Opt(Common.decimal),
      physicalActualPercent: Opt(Common.decimal),
      financialPlanned: Opt(Common.decimal),
      financialActual: Opt(Common.decimal),
      disbursed: Opt(Common.decimal),
      note: Opt(Type.String({ maxLength: 5000 })),
    },
  },
];

const Report = Type.Object({
  id: Type.String(),
  parentId: Type.String(),
  period: Type.String(),
  figures: Type.Record(Type.String(), Nullable(Type.String())),
  workflowState: Vocabulary.workflowState,
  reviewComment: Nullable(Type.String()),
  supersedesId: Nullable(Type.String()),
  supersededBy: Nullable(Type.String()),
  enteredBy: Nullable(Type.String()),
  enteredAt: Type.String(),
  approvedBy: Nullable(Type.String()),
  approvedAt: Nullable(Type.String()),
  version: Type.Integer(),
  evidence: Type.Array(EvidenceSchema),
});
const Written = Type.Object({ id: Type.String(), version: Type.Integer() });

export async function progressRoutes(api: FastifyInstance, runtime: Runtime): Promise<void> {
  for (const k of KINDS) {
    const what = k.kind === 'task' ? 'progress report of a task' : 'progress update of a project';
    api.get(
      k.parent,
      {
        config: { action: k.actions.read },
        schema: {
          tags: [k.tag],
          summary: `Every ${what}, revisions included (the public sees approved ones only)`,
          params: IdParams,
          response: { 200: Type.Object({ items: Type.Array(Report) }) },
        },
      },
      async (req) =>
        listProgressReports({
          ctx: contextOf(runtime, req),
          input: { kind: k.kind, parentId: (req.params as { id: string }).id },
        }),
    );
    api.post(
      k.parent,
      {
        config: { action: k.actions.enter },
        schema: {
          tags: [k.tag],
          summary: `Enter the first ${what} for a period (a draft)`,
          params: IdParams,
          body: Type.Object({ period: Common.period, ...k.figures }, { additionalProperties: false }),
          response: { 201: Written },
        },
      },
      async (req, reply) => {
        const { period, ...figures } = req.body as { period: string } & ProgressFigures;
        const r = await enterProgressReport({
          ctx: contextOf(runtime, req),
          input: { kind: k.kind, parentId: (req.params as { id: string }).id, period, figures },
        });
        return written(reply, r, 201);
      },
    );
    api.post(
      `${k.item}/revisions`,
      {
        config: { action: k.actions.enter },
        schema: {
          tags: [k.tag],
          summary: `Revise: a new ${what} (a draft, a new id) superseding this one; needs If-Match`,
          params: IdParams,
          headers: IfMatch,
          body: Type.Object(k.figures, { additionalProperties: false }),
          response: { 201: Written },
        },
      },
      async (req, reply) => {
        const r = await reviseProgressReport({
          ctx: contextOf(runtime, req),
          input: {
            kind: k.kind,
            id: (req.params as { id: string }).id,
            ifMatch: ifMatchOf(req),
            figures: req.body as ProgressFigures,
          },
        });
        return written(reply, r, 201);
      },
    );
    const steps = [
      ['submit', k.actions.submit, 'Submit for approval', submitProgressReport],
      ['return', k.actions.review, 'Return with a comment', returnProgressReport],
      ['approve', k.actions.review, 'Approve (it becomes public)', approveProgressReport],
    ] as const;
    for (const [verb, action, summary, run] of steps) {
      api.post(
        `${k.item}/${verb}`,
        {
          config: { action },
          preValidation: async (req) => {
            req.body ??= {};
          },
          schema: {
            tags: [k.tag],
            summary: `${summary}; needs If-Match`,
            params: IdParams,
            headers: IfMatch,
            body: Comment,
            response: { 200: Written },
          },
        },
        async (req, reply) => {
          const comment = (req.body as { comment?: string | null } | undefined)?.comment ?? null;
          return written(
            reply,
            await run({
              ctx: contextOf(runtime, req),
              input: { kind: k.kind, id: (req.params as { id: string }).id, ifMatch: ifMatchOf(req), comment },
            }),
          );
        },
      );
    }
  }
}
