// Observations: list, one with its revision history, enter, revise, submit, return, approve. The ETag is the
// observation's version; every write on an existing observation needs If-Match.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { Runtime } from '../../runtime.ts';
import { approveObservation } from '../../services/observations/approve-observation.ts';
import { enterObservation, type EnterObservationInput } from '../../services/observations/enter-observation.ts';
import { getObservation } from '../../services/observations/get-observation.ts';
import {
  listObservations,
  publicFigureListVersionOf,
  type ListObservationsInput,
} from '../../services/observations/list-observations.ts';
import { returnObservation } from '../../services/observations/return-observation.ts';
import { reviseObservation } from '../../services/observations/revise-observation.ts';
import { submitObservation } from '../../services/observations/submit-observation.ts';
import { withdrawObservation } from '../../services/observations/withdraw-observation.ts';
import type { FigureInput } from '../../services/observations/observation-input.ts';
import type { ServiceContext } from '../../services/context.ts';
import { preparedAnswers, PUBLIC_MAX_AGE, sendPrepared } from '../prepared-answers.ts';
import { Common, FigureValue, PageQuery, SortQuery, pageSchema } from './pagination.ts';
import { contextOf } from './route-table.ts';
import { Vocabulary } from './vocabulary.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Version = Type.Object({
  id: Type.String(),
  seq: Type.Integer(),
  value: Nullable(Type.String()),
  valueText: Nullable(Type.String()),
  status: Vocabulary.observationStatus,
  workflowState: Vocabulary.workflowState,
  reason: Nullable(Type.String()),
  sourceText: Nullable(Type.String()),
  evidenceUrl: Nullable(Type.String()),
  enteredBy: Nullable(Type.String()),
  enteredAt: Type.String(),
  approvedBy: Nullable(Type.String()),
  approvedAt: Nullable(Type.String()),
  plausibility: Nullable(
    Type.Object({
      flags: Type.Array(
        Type.Object({
          code: Type.String(),
          value: Type.String(),
          messages: Type.Object({ vi: Type.String(), en: Type.String() }),
        }),
      ),
      reason: Type.String(),
    }),
  ),
  withdrawn: Type.Boolean(),
});
const ObservationSchema = Type.Object({
  id: Type.String(),
  tenant: Type.String(),
  plan: Nullable(Type.String()),
  indicator: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }),
  unit: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }),
  period: Type.String(),
  version: Type.Integer(),
  notes: Type.Array(
    Type.Object({
      kind: Type.String(),
      text: Type.String(),
      source: Nullable(Type.Record(Type.String(), Type.Unknown())),
    }),
  ),
  latest: Nullable(Version),
  approved: Nullable(Version),
  versions: Type.Optional(Type.Array(Version)),
  reviews: Type.Optional(
    Type.Array(
      Type.Object({
        versionId: Type.String(),
        action: Type.String(),
        comment: Nullable(Type.String()),
        actorId: Nullable(Type.String()),
        at: Type.String(),
      }),
    ),
  ),
});
const Written = Type.Object({ id: Type.String(), version: Type.Integer() });
const VerdictSide = Type.Object({
  status: Nullable(Type.String()),
  value: Nullable(Type.String()),
  word: Nullable(Type.String()),
  vintages: Type.Array(Type.String()),
});
/** An approval's answer: the verdicts it moved (recomputed in the same transaction). */
const Approved = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  changes: Type.Optional(
    Type.Array(
      Type.Object({
        targetId: Type.String(),
        indicator: Type.Object({ code: Type.String(), name: Type.String() }),
        target: Type.String(),
        before: Nullable(VerdictSide),
        after: VerdictSide,
      }),
    ),
  ),
});
const Figure = {
  value: FigureValue,
  status: Vocabulary.observationStatus,
  reason: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  sourceText: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  evidenceUrl: Type.Optional(Nullable(Type.String({ maxLength: 2000, pattern: '^https?://[^\\s<>"]+$' }))),
  confirmImplausible: Type.Optional(Type.Boolean()),
};
export const IdParams = Type.Object({ id: Common.id }, { additionalProperties: false });
export const IfMatch = Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 40 })) });
export const Comment = Type.Object(
  { comment: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))) },
  { additionalProperties: false },
);

/** `If-Match: "3"` (or W/"3", or 3) → 3; anything else counts as absent, which the service refuses with 428. */
export function ifMatchOf(req: FastifyRequest): number | null {
  const h = req.headers['if-match'];
  const m = typeof h === 'string' ? /^(?:W\/)?"?(\d{1,9})"?$/.exec(h.trim()) : null;
  return m?.[1] ? Number(m[1]) : null;
}

export function written(
  reply: FastifyReply,
  r: { id: string; version: number },
  status = 200,
): { id: string; version: number } {
  void reply.status(status).header('etag', `"${r.version}"`);
  return r;
}

export async function observationRoutes(api: FastifyInstance, runtime: Runtime): Promise<void> {
  // Public pages of one indicator's figures (the indicator page on a results day), kept ready: at most 64 pages of
  // up to 200 figures (about 220 kB of JSON each, with its gzip and brotli a third more).
  const figurePages = preparedAnswers<{ ctx: ServiceContext; input: ListObservationsInput; indicatorId: string }>(
    runtime,
    {
      kept: 64,
      versionOf: ({ ctx, indicatorId }) => publicFigureListVersionOf(ctx, indicatorId),
      build: ({ ctx, input }) => listObservations({ ctx, input }),
    },
  );
  api.get(
    '/observations',
    {
      config: { action: 'observation.read' },
      schema: {
        tags: ['observations'],
        summary:
          'List observations (the public sees approved figures only); sort: indicator (default), period, updatedAt, - for descending',
        description:
          'A public list of one indicator (indicatorId given) carries a strong ETag and ' +
          `Cache-Control: public, max-age=${PUBLIC_MAX_AGE} (If-None-Match gives 304); signed-in answers are no-store.`,
        querystring: Type.Object(
          {
            tenant: Type.Optional(Common.code),
            plan: Type.Optional(Common.code),
            indicatorId: Type.Optional(Common.id),
            unit: Type.Optional(Type.String({ pattern: '^[0-9]{2,5}$' })),
            agency: Type.Optional(Common.code),
            period: Type.Optional(Common.period),
            status: Type.Optional(Vocabulary.workflowState),
            ...PageQuery,
            ...SortQuery,
          },
          { additionalProperties: false },
        ),
        response: {
          200: pageSchema(ObservationSchema),
          304: Type.Null({ description: 'not modified (If-None-Match)' }),
        },
      },
    },
    async (req, reply) => {
      const ctx = contextOf(runtime, req);
      const input = req.query as ListObservationsInput;
      if (ctx.actor.kind === 'public' && input.indicatorId !== undefined) {
        // The indicator page's figures: kept ready per query (its parameters in a fixed order) and served while the
        // indicator's figure list version holds.
        const key = JSON.stringify(Object.entries(input).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
        const ready = await figurePages(key, { ctx, input, indicatorId: input.indicatorId });
        return sendPrepared(req, reply, ready);
      }
      if (ctx.actor.kind !== 'public') void reply.header('cache-control', 'no-store');
      return listObservations({ ctx, input });
    },
  );
  api.get(
    '/observations/:id',
    {
      config: { action: 'observation.read' },
      schema: {
        tags: ['observations'],
        summary: 'One observation with every version and workflow step',
        params: IdParams,
        response: { 200: ObservationSchema },
      },
    },
    async (req, reply) => {
      const view = await getObservation({ ctx: contextOf(runtime, req), input: req.params as { id: string } });
      void reply.header('etag', `"${view.version}"`);
      return view;
    },
  );
  api.post(
    '/observations',
    {
      config: { action: 'observation.enter' },
      schema: {
        tags: ['observations'],
        summary: 'Enter the first figure of an indicator for a unit and period (a draft)',
        body: Type.Object(
          { indicatorId: Common.id, unitId: Common.id, period: Common.period, ...Figure },
          { additionalProperties: false },
        ),
        response: { 201: Written },
      },
    },
    async (req, reply) =>
      written(
        reply,
        await enterObservation({ ctx: contextOf(runtime, req), input: req.body as EnterObservationInput }),
        201,
      ),
  );
  api.post(
    '/observations/:id/versions',
    {
      config: { action: 'observation.enter' },
      schema: {
        tags: ['observations'],
        summary: 'Revise: a new version (draft) of the figure; needs If-Match',
        params: IdParams,
        headers: IfMatch,
        body: Type.Object(Figure, { additionalProperties: false }),
        response: { 200: Written },
      },
    },
    async (req, reply) =>
      written(
        reply,
        await reviseObservation({
          ctx: contextOf(runtime, req),
          input: { ...(req.body as FigureInput), id: (req.params as { id: string }).id, ifMatch: ifMatchOf(req) },
        }),
      ),
  );
  api.post(
    '/observations/:id/withdraw',
    {
      config: { action: 'observation.review' },
      schema: {
        tags: ['observations'],
        summary:
          'Withdraw the approved figure as wrong (an audited revision with a reason); evaluations are recomputed without it; needs If-Match',
        params: IdParams,
        headers: IfMatch,
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }),
        response: { 200: Written },
      },
    },
    async (req, reply) =>
      written(
        reply,
        await withdrawObservation({
          ctx: contextOf(runtime, req),
          input: {
            id: (req.params as { id: string }).id,
            ifMatch: ifMatchOf(req),
            reason: (req.body as { reason: string }).reason,
          },
        }),
      ),
  );
  const steps = [
    ['submit', 'observation.submit', 'Submit the newest version for approval', submitObservation],
    ['return', 'observation.review', 'Return the submitted version with a comment', returnObservation],
    ['approve', 'observation.review', 'Approve the submitted version (it becomes public)', approveObservation],
  ] as const;
  for (const [verb, action, summary, run] of steps) {
    api.post(
      `/observations/:id/${verb}`,
      {
        config: { action },
        // The body is optional (only return needs a comment): an empty one is validated as {}.
        preValidation: async (req) => {
          req.body ??= {};
        },
        schema: {
          tags: ['observations'],
          summary: `${summary}; needs If-Match`,
          params: IdParams,
          headers: IfMatch,
          body: Comment,
          response: { 200: verb === 'approve' ? Approved : Written },
        },
      },
      async (req, reply) => {
        const comment = (req.body as { comment?: string | null } | undefined)?.comment ?? null;
        const r = await run({
          ctx: contextOf(runtime, req),
          input: { id: (req.params as { id: string }).id, ifMatch: ifMatchOf(req), comment },
        });
        void reply.header('etag', `"${r.version}"`);
        return r;
      },
    );
  }
}
