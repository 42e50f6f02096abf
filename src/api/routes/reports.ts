// Official report files of a plan: the results table ("Phụ lục 1") as .xlsx, .docx or PDF, built from the same
// evaluation as GET /plans/{code}/evaluations and under the same rules (anonymous readers: approved figures only).
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { Runtime } from '../../runtime.ts';
import {
  MEDIA_TYPES,
  REPORT_FORMATS,
  contentDisposition,
  renderResultsTable,
  reportFileNames,
  type ReportFormat,
} from '../../reports/render-results.ts';
import { buildResultsTable } from '../../services/reports/build-results-table.ts';
import { listDiscrepancies } from '../../services/reports/list-discrepancies.ts';
import { Common } from './pagination.ts';
import { contextOf } from './route-table.ts';

const DATE = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';

const EvaluationQuery = Type.Object(
  {
    asOf: Type.Optional(Type.String({ pattern: DATE })),
    dataBasis: Type.Optional(Type.Union([Type.Literal('approved'), Type.Literal('all')])),
    publishedOn: Type.Optional(Type.String({ pattern: DATE })),
  },
  { additionalProperties: false },
);

export async function reportRoutes(api: FastifyInstance, runtime: Runtime): Promise<void> {
  api.get(
    '/plans/:code/reports/results.:format',
    {
      config: { action: 'evaluation.read' },
      schema: {
        tags: ['reports'],
        summary: 'The results table of a plan ("Phụ lục 1") as an Excel, Word or PDF file',
        params: Type.Object(
          { code: Common.code, format: Type.Union(REPORT_FORMATS.map((f) => Type.Literal(f))) },
          { additionalProperties: false },
        ),
        querystring: EvaluationQuery,
        response: {
          200: {
            description: 'The file, with a Content-Disposition naming it in Vietnamese (filename*) and in ASCII',
            content: Object.fromEntries(
              REPORT_FORMATS.map((f) => [MEDIA_TYPES[f], { schema: { type: 'string', format: 'binary' } }]),
            ),
          },
        },
      },
    },
    async (req, reply) => {
      const { code, format } = req.params as { code: string; format: ReportFormat };
      const q = req.query as { asOf?: string; dataBasis?: 'approved' | 'all'; publishedOn?: string };
      const ctx = contextOf(runtime, req);
      const model = await buildResultsTable({ ctx, input: { planCode: code, ...q } });
      const bytes = await renderResultsTable(model, format, ctx.now());
      return reply
        .header('content-type', MEDIA_TYPES[format])
        .header('content-disposition', contentDisposition(reportFileNames(model, format)))
        .header('cache-control', 'private, no-store')
        .send(bytes);
    },
  );

  api.get(
    '/plans/:code/reports/discrepancies',
    {
      config: { action: 'evaluation.read' },
      schema: {
        tags: ['reports'],
        summary: 'Discrepancy annex: every target whose verdict in the source document differs from the computed one',
        params: Type.Object({ code: Common.code }, { additionalProperties: false }),
        querystring: EvaluationQuery,
      },
    },
    async (req) => {
      const q = req.query as { asOf?: string; dataBasis?: 'approved' | 'all'; publishedOn?: string };
      return listDiscrepancies({
        ctx: contextOf(runtime, req),
        input: { planCode: (req.params as { code: string }).code, ...q },
      });
    },
  );
}
