// A plan owner adds to a plan already in place: a task, a project, a breakthrough, or an indicator with its first
// target; each with a reason, audited, at version 1. The service checks the values (a new target as the dataset
// import checks one) and refuses a code the plan already uses.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { PROJECT_STATUSES } from '../../core/progress-tracking/vocabulary.ts';
import { MEASURES } from '../../core/vocabulary.ts';
import type { Runtime } from '../../runtime.ts';
import { createOutlineItem, type NewTarget } from '../../services/reference/create-outline-item.ts';
import type { OutlineKind } from '../../storage/repositories/outline-repo.ts';
import { Common } from './pagination.ts';
import { contextOf } from './route-table.ts';

const Reason = Type.String({ minLength: 1, maxLength: 1000 });
const Optional = (max: number) => Type.Optional(Type.Union([Type.String({ maxLength: max }), Type.Null()]));
const OptionalDate = Type.Optional(Type.Union([Type.String({ format: 'date' }), Type.Null()]));
const AgencyCode = Type.Optional(Type.String({ minLength: 1, maxLength: 80 }));
/** Checked in full against the dataset format's spec definition (checkSpecShape) and by the engine. */
const Spec = Type.Object({ kind: Type.String({ maxLength: 40 }) }, { additionalProperties: true });
/** Where the new target is written: one of the plan's documents (GET /api/plans/{code}), unnamed the plan's own. */
const Citation = Type.Object(
  {
    documentId: Type.Optional(Common.id),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    paragraph: Type.Optional(Type.String({ maxLength: 200 })),
    quote: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

/** What each new outline item carries besides its code and the reason. */
const OUTLINE_ADDITIONS = [
  {
    kind: 'task',
    fields: {
      title: Type.String({ minLength: 1, maxLength: 1000 }),
      body: Optional(10_000),
      deadline: OptionalDate,
      responsibility: Optional(10_000),
      ownerAgency: AgencyCode,
    },
  },
  {
    kind: 'project',
    fields: {
      title: Type.String({ minLength: 1, maxLength: 1000 }),
      description: Optional(10_000),
      status: Type.Optional(Type.Union(PROJECT_STATUSES.map((s) => Type.Literal(s)))),
      periodStart: OptionalDate,
      periodEnd: OptionalDate,
      ownerAgency: AgencyCode,
    },
  },
  {
    kind: 'breakthrough',
    fields: { title: Type.String({ minLength: 1, maxLength: 1000 }), body: Optional(10_000) },
  },
  {
    kind: 'indicator',
    fields: {
      name: Type.String({ minLength: 1, maxLength: 500 }),
      unitOfMeasure: Type.String({ maxLength: 100 }),
      measure: Type.Optional(Type.Union(MEASURES.map((m) => Type.Literal(m)))),
      group: Optional(80),
      definition: Optional(10_000),
      parent: Type.Optional(Common.code),
      ownerAgency: AgencyCode,
      target: Type.Object(
        { spec: Spec, text: Type.String({ minLength: 1, maxLength: 1000 }), citation: Citation },
        { additionalProperties: false },
      ),
    },
  },
] as const;

export async function planAdditionRoutes(api: FastifyInstance, runtime: Runtime): Promise<void> {
  for (const o of OUTLINE_ADDITIONS) {
    api.post(
      `/plans/:code/${o.kind}s`,
      {
        config: { action: 'reference.manage' },
        schema: {
          tags: ['reference'],
          summary:
            o.kind === 'indicator'
              ? "Add an indicator with its first target to the plan (plan owner, admin), with a reason: the target is checked as the dataset import checks one and cites one of the plan's documents with a place (page, paragraph or quote; unnamed, the plan's own document), the row goes to the audit log at version 1, and the plan's evaluation is recomputed"
              : `Add a ${o.kind} to the plan (plan owner, admin), with a reason: the row goes to the audit log at version 1; a code the plan already uses is refused (409)`,
          params: Type.Object({ code: Common.code }, { additionalProperties: false }),
          body: Type.Object({ code: Common.code, ...o.fields, reason: Reason }, { additionalProperties: false }),
          response: {
            201: Type.Object({
              id: Type.String(),
              code: Type.String(),
              version: Type.Integer(),
              targetId: Type.Union([Type.String(), Type.Null()]),
            }),
          },
        },
      },
      async (req, reply) => {
        const params = req.params as { code: string };
        const { code, reason, target, ...fields } = req.body as Record<string, string | null> & {
          code: string;
          reason: string;
          target?: NewTarget;
        };
        const out = await createOutlineItem({
          ctx: contextOf(runtime, req),
          input: {
            kind: o.kind as OutlineKind,
            planCode: params.code,
            code,
            fields,
            ...(target ? { target } : {}),
            reason,
          },
        });
        void reply.header('etag', `"${out.version}"`);
        return reply.status(201).send(out);
      },
    );
  }
}
