// A plan owner edits a plan through the API: an indicator's, a task's, a project's or a breakthrough's wording and
// dates (versioned, audited); a target corrected in place (a typing error, with a reason), or revised by a later
// document (the old target kept as history); both target writes recompute the evaluation in the same transaction. The history of an indicator's targets, with their documents, is readable by everyone who
// reads the plan.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { TargetSpec } from '../../core/targets/target.ts';
import { PROJECT_STATUSES } from '../../core/progress-tracking/vocabulary.ts';
import { DOCUMENT_KINDS } from '../../core/vocabulary.ts';
import { checkSpecShape } from '../../imports/dataset-folder.ts';
import type { Runtime } from '../../runtime.ts';
import { editOutlineItem } from '../../services/reference/edit-outline-item.ts';
import { editTarget } from '../../services/reference/edit-target.ts';
import { listTargetHistory, reviseTarget, type ReviseTargetInput } from '../../services/reference/revise-target.ts';
import { IfMatch, ifMatchOf } from './observations.ts';
import { Common } from './pagination.ts';
import { contextOf } from './route-table.ts';

const Params = Type.Object({ code: Common.code, indicator: Common.code }, { additionalProperties: false });
type P = { code: string; indicator: string };
/** Checked in full against the dataset format's spec definition (checkSpecShape) and by the engine. */
const Spec = Type.Object({ kind: Type.String({ maxLength: 40 }) }, { additionalProperties: true });
/** Which of the indicator's targets in force is meant (an indicator may carry several); unnamed, the first. */
const TargetId = Type.String({ format: 'uuid' });
const Reason = Type.String({ minLength: 1, maxLength: 1000 });
const Text = Type.String({ minLength: 1, maxLength: 1000 });
const Json = Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]);
const Change = Type.Object({}, { additionalProperties: true });

const HistoryItem = Type.Object({
  id: Type.String(),
  stage: Type.String(),
  kind: Type.String(),
  spec: Type.Unknown(),
  text: Type.String(),
  citation: Json,
  derived: Json,
  document: Json,
  supersededOn: Type.Union([Type.String(), Type.Null()]),
  supersededBy: Type.Union([Type.String(), Type.Null()]),
  revisedBy: Json,
});

const Optional = (max: number) => Type.Optional(Type.Union([Type.String({ maxLength: max }), Type.Null()]));
const OptionalDate = Type.Optional(Type.Union([Type.String({ format: 'date' }), Type.Null()]));

/** What each outline item lets a plan owner change (the service checks the values and refuses the rest). */
const OUTLINE_EDITS = [
  {
    kind: 'indicator',
    param: 'indicator',
    fields: { name: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })), definition: Optional(10_000) },
  },
  {
    kind: 'task',
    param: 'task',
    fields: {
      title: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
      body: Optional(10_000),
      deadline: OptionalDate,
      responsibility: Optional(10_000),
    },
  },
  {
    kind: 'project',
    param: 'project',
    fields: {
      title: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
      description: Optional(10_000),
      status: Type.Optional(Type.Union(PROJECT_STATUSES.map((s) => Type.Literal(s)))),
      periodStart: OptionalDate,
      periodEnd: OptionalDate,
    },
  },
  {
    kind: 'breakthrough',
    param: 'breakthrough',
    fields: { title: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })), body: Optional(10_000) },
  },
] as const;

export async function planEditRoutes(api: FastifyInstance, runtime: Runtime): Promise<void> {
  for (const o of OUTLINE_EDITS) {
    api.patch(
      `/plans/:code/${o.kind}s/:${o.param}`,
      {
        config: { action: 'reference.manage' },
        schema: {
          tags: ['reference'],
          summary: `Edit a ${o.kind} of the plan (plan owner, admin), with a reason; If-Match names the version edited. The fields before and after go to the audit log, and the version increments`,
          params: Type.Object({ code: Common.code, [o.param]: Common.code }, { additionalProperties: false }),
          headers: IfMatch,
          body: Type.Object({ ...o.fields, reason: Reason }, { additionalProperties: false }),
          response: {
            200: Type.Object({ id: Type.String(), version: Type.Integer(), changed: Type.Array(Type.String()) }),
          },
        },
      },
      async (req, reply) => {
        const params = req.params as Record<string, string>;
        const { reason, ...changes } = req.body as Record<string, string | null> & { reason: string };
        const out = await editOutlineItem({
          ctx: contextOf(runtime, req),
          input: {
            kind: o.kind,
            planCode: params.code ?? '',
            code: params[o.param] ?? '',
            changes,
            reason,
            ifMatch: ifMatchOf(req),
          },
        });
        void reply.header('etag', `"${out.version}"`);
        return out;
      },
    );
  }
  api.patch(
    '/plans/:code',
    {
      config: { action: 'reference.manage' },
      schema: {
        tags: ['reference'],
        summary:
          "Edit the plan's own name or description (plan owner, admin), with a reason; If-Match names the version edited. The fields before and after go to the audit log, and the version increments",
        params: Type.Object({ code: Common.code }, { additionalProperties: false }),
        headers: IfMatch,
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
            description: Optional(10_000),
            reason: Reason,
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ id: Type.String(), version: Type.Integer(), changed: Type.Array(Type.String()) }),
        },
      },
    },
    async (req, reply) => {
      const { code } = req.params as { code: string };
      const { reason, ...changes } = req.body as Record<string, string | null> & { reason: string };
      const out = await editOutlineItem({
        ctx: contextOf(runtime, req),
        input: { kind: 'plan', planCode: code, code, changes, reason, ifMatch: ifMatchOf(req) },
      });
      void reply.header('etag', `"${out.version}"`);
      return out;
    },
  );
  api.put(
    '/plans/:code/indicators/:indicator/target',
    {
      config: { action: 'reference.manage' },
      schema: {
        tags: ['reference'],
        summary:
          "Correct the target in force of an indicator (plan owner, admin): its definition and wording, with a reason; the plan's evaluation is recomputed",
        params: Params,
        body: Type.Object(
          { targetId: Type.Optional(TargetId), spec: Spec, text: Type.Optional(Text), reason: Reason },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ targetId: Type.String(), changes: Type.Array(Change) }) },
      },
    },
    async (req) => {
      const p = req.params as P;
      const body = req.body as { targetId?: string; spec: TargetSpec; text?: string; reason: string };
      checkSpecShape(body.spec);
      return editTarget({
        ctx: contextOf(runtime, req),
        input: { planCode: p.code, indicatorCode: p.indicator, ...body },
      });
    },
  );
  api.post(
    '/plans/:code/indicators/:indicator/target-revisions',
    {
      config: { action: 'reference.manage' },
      schema: {
        tags: ['reference'],
        summary:
          'A later document revises the target of an indicator (plan owner, admin): the old target is kept, superseded, naming the document; only the new one counts from then on',
        params: Params,
        body: Type.Object(
          {
            targetId: Type.Optional(TargetId),
            spec: Spec,
            text: Text,
            reason: Reason,
            effectiveOn: Type.String({ format: 'date' }),
            document: Type.Object(
              {
                code: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,80}$' }),
                kind: Type.Optional(Type.Union(DOCUMENT_KINDS.map((k) => Type.Literal(k)))),
                title: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
                number: Type.Optional(Type.Union([Type.String({ maxLength: 80 }), Type.Null()])),
                date: Type.Optional(Type.Union([Type.String({ format: 'date' }), Type.Null()])),
                issuer: Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Null()])),
                url: Type.Optional(
                  Type.Union([Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 2000 }), Type.Null()]),
                ),
              },
              { additionalProperties: false },
            ),
            citation: Type.Optional(
              Type.Object(
                {
                  page: Type.Optional(Type.Integer({ minimum: 1 })),
                  paragraph: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
                  quote: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
                },
                { additionalProperties: false },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ targetId: Type.String(), supersededId: Type.String(), changes: Type.Array(Change) }),
        },
      },
    },
    async (req, reply) => {
      const p = req.params as P;
      const body = req.body as Omit<ReviseTargetInput, 'planCode' | 'indicatorCode'>;
      checkSpecShape(body.spec);
      const out = await reviseTarget({
        ctx: contextOf(runtime, req),
        input: { planCode: p.code, indicatorCode: p.indicator, ...body },
      });
      return reply.status(201).send(out);
    },
  );
  api.get(
    '/plans/:code/indicators/:indicator/target-history',
    {
      config: { action: 'reference.read' },
      schema: {
        tags: ['reference'],
        summary:
          'Every target an indicator has had (draft, in force, superseded), oldest first, each with its document and the document that revised it',
        params: Params,
        response: { 200: Type.Object({ items: Type.Array(HistoryItem) }) },
      },
    },
    async (req) => {
      const p = req.params as P;
      return listTargetHistory({
        ctx: contextOf(runtime, req),
        input: { planCode: p.code, indicatorCode: p.indicator },
      });
    },
  );
}
