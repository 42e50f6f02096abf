// Issued (frozen) reports: issue one, list them with what changed since each was issued, download the stored file.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { Runtime } from '../../runtime.ts';
import { contentDisposition, REPORT_FORMATS } from '../../reports/render-results.ts';
import {
  downloadIssuedReport,
  issueReport,
  listIssuedReports,
  type IssueReportInput,
} from '../../services/reports/issued-reports.ts';
import { Common } from './pagination.ts';
import { contextOf } from './route-table.ts';

const DATE = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';

/** "Phụ lục 1 - x - 2026-11-29.xlsx" → an ASCII fallback for old clients. */
function asciiName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/-+\./g, '.');
}

const Side = Type.Object({
  status: Type.Union([Type.String(), Type.Null()]),
  verdict: Type.Union([Type.String(), Type.Null()]),
  actual: Type.Union([Type.String(), Type.Null()]),
});
const IssuedReport = Type.Object({
  id: Type.String(),
  planCode: Type.String(),
  kind: Type.Union([Type.Literal('results'), Type.Literal('status')]),
  format: Type.Union(REPORT_FORMATS.map((f) => Type.Literal(f))),
  title: Type.String(),
  fileName: Type.String(),
  asOf: Type.String(),
  dataBasis: Type.Union([Type.Literal('approved'), Type.Literal('all')]),
  publishedOn: Type.Union([Type.String(), Type.Null()]),
  sha256: Type.String(),
  size: Type.Integer(),
  issuedBy: Type.String(),
  issuedAt: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
  changedSince: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), before: Side, after: Side })),
});

export async function issuedReportRoutes(api: FastifyInstance, runtime: Runtime): Promise<void> {
  api.post(
    '/plans/:code/reports/issued',
    {
      config: { action: 'report.issue' },
      schema: {
        tags: ['reports'],
        summary: 'Issue a report: render it once and freeze its file and the verdicts it printed',
        params: Type.Object({ code: Common.code }, { additionalProperties: false }),
        body: Type.Object(
          {
            kind: Type.Union([Type.Literal('results'), Type.Literal('status')]),
            format: Type.Union(REPORT_FORMATS.map((f) => Type.Literal(f))),
            asOf: Type.Optional(Type.String({ pattern: DATE })),
            dataBasis: Type.Optional(Type.Union([Type.Literal('approved'), Type.Literal('all')])),
            publishedOn: Type.Optional(Type.String({ pattern: DATE })),
            note: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ id: Type.String(), sha256: Type.String(), fileName: Type.String(), size: Type.Integer() }),
        },
      },
    },
    async (req, reply) => {
      const body = req.body as Omit<IssueReportInput, 'planCode'>;
      const out = await issueReport({
        ctx: contextOf(runtime, req),
        input: { ...body, planCode: (req.params as { code: string }).code },
      });
      return reply.code(201).send(out);
    },
  );

  api.get(
    '/plans/:code/reports/issued',
    {
      config: { action: 'report.read_issued' },
      schema: {
        tags: ['reports'],
        summary: "The plan's issued reports, newest first, each with the verdicts that changed since it was issued",
        params: Type.Object({ code: Common.code }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(IssuedReport) }) },
      },
    },
    async (req) => ({
      items: await listIssuedReports({
        ctx: contextOf(runtime, req),
        input: { planCode: (req.params as { code: string }).code },
      }),
    }),
  );

  api.get(
    '/reports/issued/:id/file',
    {
      config: { action: 'report.read_issued' },
      schema: {
        tags: ['reports'],
        summary: 'The file of an issued report, byte for byte as it was issued',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
        response: {
          200: {
            description: 'The stored file; its SHA-256 in the ETag',
            content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
          },
        },
      },
    },
    async (req, reply) => {
      const file = await downloadIssuedReport({
        ctx: contextOf(runtime, req),
        input: { id: (req.params as { id: string }).id },
      });
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', contentDisposition({ unicode: file.fileName, ascii: asciiName(file.fileName) }))
        .header('etag', `"${file.sha256}"`)
        .header('cache-control', 'private, no-store')
        .send(file.bytes);
    },
  );
}
