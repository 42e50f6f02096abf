// Open formats over HTTP, as the CLI has them: a whole plan as one JSON document (out and in; `chitieu export <plan>
// --format json`, `chitieu import FILE.json`), a tenant's backup and its restore (`chitieu backup` / `restore`), and a
// plan's key projects as OC4IDS (`--format oc4ids`). The services check the roles: the plan document is the plan
// owner's and the administrator's, the backup the administrator's of their own tenant; each is audited.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { ValidationError } from '../../core/errors.ts';
import type { Runtime } from '../../runtime.ts';
import { backupTenant } from '../../services/backup/backup-tenant.ts';
import { exportPlanDocument } from '../../services/backup/export-plan-document.ts';
import { importPlanDocument } from '../../services/backup/import-plan-document.ts';
import { restoreTenant } from '../../services/backup/restore-tenant.ts';
import { exportOc4ids } from '../../services/interchange/export-oc4ids.ts';
import { contentDisposition } from '../../reports/render-results.ts';
import { Common } from './pagination.ts';
import { contextOf } from './route-table.ts';

/** A plan document or a tenant backup: the bundled plans are a few MB; a tenant with years of figures more. */
const DOCUMENT_LIMIT = 200 * 1024 * 1024;

const JsonFile = (description: string) => ({
  description,
  content: { 'application/json': { schema: { type: 'object', additionalProperties: true } } },
});
/** The document as uploaded: the JSON written by the export (format, schema, tenant, plan, tables). */
const DocumentBody = Type.Object(
  { format: Type.String(), schema: Type.Optional(Type.Unknown()), tables: Type.Record(Type.String(), Type.Unknown()) },
  { additionalProperties: true },
);
const Rows = Type.Record(Type.String(), Type.Integer());

function bodyText(body: unknown): string {
  if (body === null || typeof body !== 'object')
    throw new ValidationError({ vi: 'Tệp tải lên trống', en: 'The uploaded file is empty' }, [
      { path: 'body', reason: { vi: 'trống', en: 'empty' } },
    ]);
  return JSON.stringify(body);
}

export async function planDocumentRoutes(api: FastifyInstance, runtime: Runtime): Promise<void> {
  api.get(
    '/plans/:code/document.json',
    {
      config: { action: 'plan.document' },
      schema: {
        tags: ['interchange'],
        summary:
          'A whole plan as one JSON document (definitions, targets, every figure version, stories, tasks, projects, breakthroughs), which the import reads back',
        params: Type.Object({ code: Common.code }, { additionalProperties: false }),
        response: { 200: JsonFile('The plan document (format chitieu-plan)') },
      },
    },
    async (req, reply) => {
      const { code } = req.params as { code: string };
      const out = await exportPlanDocument({ ctx: contextOf(runtime, req), input: { planCode: code } });
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', contentDisposition({ unicode: out.fileName, ascii: out.fileName }))
        .header('cache-control', 'private, no-store')
        .send(out.text);
    },
  );

  api.post(
    '/imports/plan-document',
    {
      config: { action: 'plan.document' },
      bodyLimit: DOCUMENT_LIMIT,
      schema: {
        tags: ['interchange'],
        summary:
          'Import a whole plan from its JSON document into your tenant, all or nothing; ids are given anew where this database holds them already',
        body: DocumentBody,
        response: {
          201: Type.Object({ tenant: Type.String(), plan: Type.String(), rows: Rows }),
        },
      },
    },
    async (req, reply) => {
      const result = await importPlanDocument({ ctx: contextOf(runtime, req), input: { text: bodyText(req.body) } });
      return reply.code(201).send(result);
    },
  );

  api.get(
    '/backup',
    {
      config: { action: 'tenant.backup' },
      schema: {
        tags: ['interchange'],
        summary:
          "Your tenant's backup: every plan and all it holds, units, agencies, accounts without passwords, the audit log",
        response: { 200: JsonFile('The tenant backup (format chitieu-tenant-backup)') },
      },
    },
    async (req, reply) => {
      const ctx = contextOf(runtime, req);
      const [tenant] = await ctx.db.query<{ code: string }>('SELECT code FROM tenants WHERE id = $1', [
        ctx.actor.tenantId,
      ]);
      const out = await backupTenant({ ctx, input: { tenantCode: tenant?.code ?? '' } });
      const name = `${tenant?.code ?? 'tenant'}-${ctx.now().toISOString().slice(0, 10)}.chitieu-backup.json`;
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', contentDisposition({ unicode: name, ascii: name }))
        .header('cache-control', 'private, no-store')
        .send(out.text);
    },
  );

  api.post(
    '/restore',
    {
      config: { action: 'tenant.backup' },
      bodyLimit: DOCUMENT_LIMIT,
      schema: {
        tags: ['interchange'],
        summary:
          "Replace all your tenant's data with its backup, in one transaction (the audit log is kept and the replacement recorded); active administrators get one-time passwords, shown once",
        body: DocumentBody,
        response: {
          200: Type.Object({
            tenant: Type.String(),
            replaced: Type.Boolean(),
            rows: Rows,
            oneTimePasswords: Type.Array(Type.Object({ email: Type.String(), password: Type.String() })),
          }),
        },
      },
    },
    async (req, reply) => {
      const result = await restoreTenant({
        ctx: contextOf(runtime, req),
        input: { text: bodyText(req.body), replace: true },
      });
      return reply.header('cache-control', 'private, no-store').send(result);
    },
  );

  api.get(
    '/plans/:code/oc4ids.json',
    {
      config: { action: 'project.read' },
      schema: {
        tags: ['interchange'],
        summary: "A plan's key projects as an OC4IDS 0.9.5 project package (validated against the standard's schema)",
        params: Type.Object({ code: Common.code }, { additionalProperties: false }),
        response: { 200: JsonFile('The OC4IDS project package') },
      },
    },
    async (req, reply) => {
      const { code } = req.params as { code: string };
      const out = await exportOc4ids({ ctx: contextOf(runtime, req), input: { planCode: code } });
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', contentDisposition({ unicode: out.fileName, ascii: out.fileName }))
        .send(out.text);
    },
  );
}
