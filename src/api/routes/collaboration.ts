// Requests for explanation, notifications, saved views and evidence files of progress reports.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { ITEM_KINDS, NOTIFICATION_KINDS, type ItemKind } from '../../core/vocabulary.ts';
import type { Runtime } from '../../runtime.ts';
import { attachEvidence, readEvidence } from '../../services/evidence/attach-evidence.ts';
import { listNotifications, markNotificationsRead } from '../../services/notifications/list-notifications.ts';
import { answerRequest } from '../../services/requests/answer-request.ts';
import { listRequests, type ListRequestsInput } from '../../services/requests/list-requests.ts';
import { sendRequest, type SendRequestInput } from '../../services/requests/send-request.ts';
import { getSavedView, listSavedViews, saveView, type SaveViewInput } from '../../services/views/saved-views.ts';
import { openEvidenceStore } from '../../storage/evidence-store.ts';
import { IdParams } from './observations.ts';
import { Common } from './pagination.ts';
import { contextOf } from './route-table.ts';

const DATE = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const ItemKindSchema = Type.Union(ITEM_KINDS.map((k) => Type.Literal(k)));

const RequestSchema = Type.Object({
  id: Type.String(),
  item: Type.Object({ kind: ItemKindSchema, id: Type.String(), label: Nullable(Type.String()) }),
  agency: Type.Object({ id: Type.String(), name: Type.String() }),
  question: Type.String(),
  deadline: Type.String(),
  requestedBy: Nullable(Type.String()),
  requestedAt: Type.String(),
  answer: Nullable(Type.String()),
  answeredBy: Nullable(Type.String()),
  answeredAt: Nullable(Type.String()),
  overdue: Type.Boolean(),
});

const NotificationSchema = Type.Object({
  id: Type.String(),
  kind: Type.Union(NOTIFICATION_KINDS.map((k) => Type.Literal(k))),
  subject: Type.String(),
  link: Type.String(),
  createdAt: Type.String(),
  readAt: Nullable(Type.String()),
});

const ViewItemIn = Type.Object({ kind: ItemKindSchema, id: Common.id }, { additionalProperties: false });
const SavedViewSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  owner: Type.String(),
  mine: Type.Boolean(),
  version: Type.Integer(),
  updatedAt: Type.String(),
  items: Type.Array(
    Type.Object({
      kind: ItemKindSchema,
      id: Type.String(),
      label: Nullable(Type.String()),
      plan: Nullable(Type.String()),
    }),
  ),
});

export const EvidenceSchema = Type.Object({
  id: Type.String(),
  filename: Type.String(),
  mediaType: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
  uploadedAt: Type.String(),
  url: Type.String(),
});

export async function collaborationRoutes(api: FastifyInstance, runtime: Runtime): Promise<void> {
  // ---- requests for explanation
  api.get(
    '/explanation-requests',
    {
      config: { action: 'explanation.read' },
      schema: {
        tags: ['requests'],
        summary:
          'Requests for explanation: of one item (itemKind, itemId), to one agency, open (unanswered) or overdue (unanswered past the deadline)',
        querystring: Type.Object(
          {
            itemKind: Type.Optional(ItemKindSchema),
            itemId: Type.Optional(Common.id),
            agencyId: Type.Optional(Common.id),
            open: Type.Optional(Type.Boolean()),
            overdue: Type.Optional(Type.Boolean()),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(RequestSchema) }) },
      },
    },
    async (req) => listRequests({ ctx: contextOf(runtime, req), input: req.query as ListRequestsInput }),
  );
  api.post(
    '/explanation-requests',
    {
      config: { action: 'explanation.request' },
      schema: {
        tags: ['requests'],
        summary: 'Ask the agency that owns a target, task or project to explain it by a deadline (plan owner, admin)',
        body: Type.Object(
          {
            itemKind: ItemKindSchema,
            itemId: Common.id,
            question: Type.String({ minLength: 1, maxLength: 5000 }),
            deadline: Type.String({ pattern: DATE }),
          },
          { additionalProperties: false },
        ),
        response: { 201: RequestSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await sendRequest({ ctx: contextOf(runtime, req), input: req.body as SendRequestInput })),
  );
  api.post(
    '/explanation-requests/:id/answer',
    {
      config: { action: 'explanation.answer' },
      schema: {
        tags: ['requests'],
        summary:
          'Answer a request for explanation (the owning agency); a later answer replaces the shown one, the audit keeps both',
        params: IdParams,
        body: Type.Object({ answer: Type.String({ minLength: 1, maxLength: 10000 }) }, { additionalProperties: false }),
        response: { 200: RequestSchema },
      },
    },
    async (req) =>
      answerRequest({
        ctx: contextOf(runtime, req),
        input: { id: (req.params as { id: string }).id, answer: (req.body as { answer: string }).answer },
      }),
  );

  // ---- notifications
  api.get(
    '/notifications',
    {
      config: { action: 'notification.read' },
      schema: {
        tags: ['notifications'],
        summary: "The signed-in user's notifications, newest first, and the count of unread ones",
        querystring: Type.Object(
          { unread: Type.Optional(Type.Boolean()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ unread: Type.Integer(), items: Type.Array(NotificationSchema) }) },
      },
    },
    async (req) => listNotifications({ ctx: contextOf(runtime, req), input: req.query as { unread?: boolean } }),
  );
  api.post(
    '/notifications/read',
    {
      config: { action: 'notification.read' },
      schema: {
        tags: ['notifications'],
        summary: 'Mark some (ids) or all (all: true) of your notifications read',
        body: Type.Object(
          { ids: Type.Optional(Type.Array(Common.id, { maxItems: 200 })), all: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ marked: Type.Integer() }) },
      },
    },
    async (req) =>
      markNotificationsRead({ ctx: contextOf(runtime, req), input: req.body as { ids?: string[]; all?: boolean } }),
  );

  // ---- saved views
  api.get(
    '/saved-views',
    {
      config: { action: 'view.manage' },
      schema: {
        tags: ['views'],
        summary: 'Your saved views (pinned, ordered targets, projects and tasks)',
        response: { 200: Type.Object({ items: Type.Array(SavedViewSchema) }) },
      },
    },
    async (req) => listSavedViews({ ctx: contextOf(runtime, req) }),
  );
  api.get(
    '/saved-views/:id',
    {
      config: { action: 'view.read' },
      schema: {
        tags: ['views'],
        summary: 'One saved view, by its link (anyone signed in to the tenant)',
        params: IdParams,
        response: { 200: SavedViewSchema },
      },
    },
    async (req) => getSavedView({ ctx: contextOf(runtime, req), input: { id: (req.params as { id: string }).id } }),
  );
  api.post(
    '/saved-views',
    {
      config: { action: 'view.manage' },
      schema: {
        tags: ['views'],
        summary: 'Create a saved view, or replace one of yours (with id and version): its name and its items in order',
        body: Type.Object(
          {
            id: Type.Optional(Common.id),
            version: Type.Optional(Type.Integer({ minimum: 1 })),
            name: Type.String({ minLength: 1, maxLength: 200 }),
            items: Type.Array(ViewItemIn, { maxItems: 200 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: SavedViewSchema },
      },
    },
    async (req) => saveView({ ctx: contextOf(runtime, req), input: req.body as SaveViewInput }),
  );
  // ---- evidence files of progress reports: the body is the file itself; its type is judged by its content.
  const store = openEvidenceStore(runtime.config);
  await api.register(async (scope) => {
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: store.maxBytes + 1 }, (_req, body, done) =>
      done(null, body),
    );
    for (const [kind, item, action] of [
      ['task', '/task-reports/:id/evidence', 'task_report.enter'],
      ['project', '/project-progress/:id/evidence', 'project_progress.enter'],
    ] as const) {
      scope.post(
        item,
        {
          config: { action },
          bodyLimit: store.maxBytes + 1,
          schema: {
            tags: [kind === 'task' ? 'tasks' : 'projects'],
            summary: `Attach an evidence file (PDF, image, spreadsheet; the body is the file, ?filename= its name) to a draft or returned ${kind === 'task' ? 'task report' : 'project progress update'}`,
            params: IdParams,
            querystring: Type.Object(
              { filename: Type.String({ minLength: 1, maxLength: 255 }) },
              { additionalProperties: false },
            ),
            response: { 201: EvidenceSchema },
          },
        },
        async (req, reply) => {
          const body = req.body;
          const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
          const r = await attachEvidence({
            ctx: contextOf(runtime, req),
            store,
            input: {
              kind,
              reportId: (req.params as { id: string }).id,
              filename: (req.query as { filename: string }).filename,
              bytes,
            },
          });
          return reply.status(201).send(r);
        },
      );
    }
  });
  api.get(
    '/evidence/:id',
    {
      config: { action: 'evidence.read' },
      schema: {
        tags: ['projects'],
        summary: 'Download an evidence file (staff of the tenant)',
        params: IdParams,
      },
    },
    async (req, reply) => {
      const f = await readEvidence({
        ctx: contextOf(runtime, req),
        store,
        input: { id: (req.params as { id: string }).id },
      });
      const ascii =
        f.filename
          .normalize('NFD')
          .replace(/[^\x20-\x7e]/g, '')
          .replace(/["\\]/g, '_') || 'evidence';
      return reply
        .header('content-type', f.mediaType)
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.filename)}`,
        )
        .send(f.bytes);
    },
  );
}

export type { ItemKind };
