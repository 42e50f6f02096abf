// Figures in and out of Excel over HTTP: an agency's template to download, and a filled template (.xlsx) or a long
// CSV to upload. The upload is checked whole first and written all or nothing (services/interchange/import-figures).
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { ValidationError } from '../../core/errors.ts';
import { readFigureCsv, readFigureWorkbook } from '../../imports/figure-files.ts';
import type { Runtime } from '../../runtime.ts';
import { contentDisposition } from '../../reports/render-results.ts';
import { writeFigureTemplate } from '../../reports/figure-template-xlsx.ts';
import { buildFigureTemplate } from '../../services/interchange/figure-template.ts';
import {
  ACCEPTED_IN_ANSWER,
  REJECTED_IN_ANSWER,
  importFigures,
  listImportedFigures,
  sha256Of,
} from '../../services/interchange/import-figures.ts';
import { EXPORT_FORMATS, exportPlanFigures, type ExportFormat } from '../../services/interchange/export-figures.ts';
import { Common, PageQuery } from './pagination.ts';
import { contextOf } from './route-table.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** An upload of figures: 20 MB covers a filled template of every agency and a CSV of 100,000 rows. */
const UPLOAD_LIMIT = 20 * 1024 * 1024;

const Messages = Type.Object({ vi: Type.String(), en: Type.String() });
const AcceptedFigure = Type.Object({
  sheet: Type.String(),
  row: Type.Integer(),
  indicator: Type.String(),
  unit: Type.String(),
  period: Type.String(),
  value: Type.String(),
  stage: Type.String(),
  outcome: Type.Union([Type.Literal('new'), Type.Literal('revised'), Type.Literal('unchanged')]),
});
const Counts = Type.Object({
  new: Type.Integer(),
  revised: Type.Integer(),
  unchanged: Type.Integer(),
  rejected: Type.Integer(),
});
const ImportResult = Type.Object({
  dryRun: Type.Boolean(),
  applied: Type.Boolean(),
  fileSha256: Type.Union([Type.String(), Type.Null()]),
  rows: Type.Integer(),
  importId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], {
    description: `The stored record of an import that ran to the end (not a dry run, nothing refused): its whole list of accepted rows is GET /api/imports/{importId}/figures`,
  }),
  accepted: Type.Array(AcceptedFigure, {
    description: `The first ${ACCEPTED_IN_ANSWER} accepted rows in the file's order; counts counts them all`,
  }),
  rejected: Type.Array(
    Type.Object({
      sheet: Type.String(),
      row: Type.Integer(),
      column: Type.String(),
      value: Type.String(),
      reason: Messages,
    }),
    {
      description: `The first ${REJECTED_IN_ANSWER} refused cells in the file's order; counts.rejected counts them all`,
    },
  ),
  counts: Counts,
});
const ImportedFigures = Type.Object({
  import: Type.Object({
    id: Type.String({ format: 'uuid' }),
    fileSha256: Type.Union([Type.String(), Type.Null()]),
    at: Type.String({ format: 'date-time' }),
    by: Type.String(),
    rows: Type.Union([Type.Integer(), Type.Null()]),
    counts: Type.Union([Counts, Type.Null()]),
  }),
  items: Type.Array(AcceptedFigure),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export async function interchangeRoutes(api: FastifyInstance, runtime: Runtime): Promise<void> {
  for (const type of [XLSX, 'text/csv'])
    api.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT }, (_req, body, done) =>
      done(null, body),
    );

  api.get(
    '/plans/:code/templates/:agency.xlsx',
    {
      config: { action: 'data.template' },
      schema: {
        tags: ['interchange'],
        summary: "An agency's Excel template: its indicators and the periods due, ready to fill",
        params: Type.Object({ code: Common.code, agency: Common.code }, { additionalProperties: false }),
        querystring: Type.Object(
          { asOf: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })) },
          { additionalProperties: false },
        ),
        response: {
          200: {
            description: 'The template workbook',
            content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } },
          },
        },
      },
    },
    async (req, reply) => {
      const { code, agency } = req.params as { code: string; agency: string };
      const { asOf } = req.query as { asOf?: string };
      const model = await buildFigureTemplate({
        ctx: contextOf(runtime, req),
        input: { planCode: code, agencyCode: agency, ...(asOf ? { asOf } : {}) },
      });
      const bytes = await writeFigureTemplate(model);
      const unicode = `Mẫu số liệu - ${model.agencyCode} - ${model.planCode} - ${model.asOf}.xlsx`;
      const ascii = `mau-so-lieu-${model.agencyCode}-${model.planCode}-${model.asOf}.xlsx`.replace(
        /[^a-z0-9.-]/gi,
        '-',
      );
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', contentDisposition({ unicode, ascii }))
        .header('cache-control', 'private, no-store')
        .send(bytes);
    },
  );

  api.post(
    '/imports/figures',
    {
      config: { action: 'data.import' },
      bodyLimit: UPLOAD_LIMIT,
      schema: {
        tags: ['interchange'],
        summary:
          'Import figures from a filled template (.xlsx) or a long CSV: every cell checked first, then all or nothing',
        querystring: Type.Object(
          { plan: Type.Optional(Common.code), dryRun: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        consumes: [XLSX, 'text/csv'],
        response: { 200: ImportResult, 422: ImportResult },
      },
    },
    async (req, reply) => {
      const body = req.body as Buffer;
      const q = req.query as { plan?: string; dryRun?: boolean };
      if (!Buffer.isBuffer(body) || body.length === 0)
        throw new ValidationError({ vi: 'Tệp tải lên trống', en: 'The uploaded file is empty' }, [
          { path: 'body', reason: { vi: 'trống', en: 'empty' } },
        ]);
      const isXlsx = String(req.headers['content-type']).startsWith(XLSX);
      const rows = isXlsx ? readFigureWorkbook(body, q.plan ?? null) : readFigureCsv(body, q.plan ?? null);
      const result = await importFigures({
        ctx: contextOf(runtime, req),
        input: { rows, dryRun: q.dryRun === true, fileSha256: sha256Of(body) },
      });
      // Some cell refused: nothing was written; the answer lists each refused cell.
      return reply.code(result.counts.rejected > 0 ? 422 : 200).send(result);
    },
  );

  api.get(
    '/imports/:id/figures',
    {
      config: { action: 'data.import' },
      schema: {
        tags: ['interchange'],
        summary:
          "A stored import's accepted rows in the file's order, a page at a time (the import's answer lists the first ones)",
        params: Type.Object({ id: Common.id }, { additionalProperties: false }),
        querystring: Type.Object(
          {
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 500 })),
            cursor: PageQuery.cursor,
          },
          { additionalProperties: false },
        ),
        response: { 200: ImportedFigures },
      },
    },
    async (req) => {
      const { id } = req.params as { id: string };
      const q = req.query as { limit?: number; cursor?: string };
      return listImportedFigures({
        ctx: contextOf(runtime, req),
        input: { importId: id, ...(q.limit ? { limit: q.limit } : {}), ...(q.cursor ? { cursor: q.cursor } : {}) },
      });
    },
  );

  api.get(
    '/plans/:code/exports/:format',
    {
      config: { action: 'data.export' },
      schema: {
        tags: ['interchange'],
        summary: "A plan's figures as CSV (the long format the import reads) or SDMX-CSV, or its targets as CSV",
        params: Type.Object(
          { code: Common.code, format: Type.Union(EXPORT_FORMATS.map((f) => Type.Literal(f))) },
          { additionalProperties: false },
        ),
        response: {
          200: {
            description: 'UTF-8 CSV',
            content: { 'text/csv': { schema: { type: 'string' } } },
          },
        },
      },
    },
    async (req, reply) => {
      const { code, format } = req.params as { code: string; format: ExportFormat };
      const out = await exportPlanFigures({ ctx: contextOf(runtime, req), input: { planCode: code, format } });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition({ unicode: out.fileName, ascii: out.fileName }))
        .header('cache-control', 'private, no-store')
        .send(out.text);
    },
  );
}
