// Units with time and consolidation: a merged unit's plan's consolidated baselines, the register on a date, a
// commune register imported by the plan owner with its legal document, and a unit ended (or restored).
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { Runtime } from '../../runtime.ts';
import ExcelJS from 'exceljs';
import { csvField } from '../../core/interchange/csv.ts';
import { contentDisposition } from '../../reports/render-results.ts';
import {
  COMMUNE_SORTS,
  COMMUNE_STATUSES,
  communeTable,
  type CommuneTable,
  type CommuneTableInput,
} from '../../services/consolidation/commune-table.ts';
import { consolidatedBaselines } from '../../services/consolidation/consolidated-baselines.ts';
import { endUnit } from '../../services/reference/end-unit.ts';
import { importUnits, type ImportUnitsInput } from '../../services/reference/import-units.ts';
import { unitsOnDate } from '../../services/reference/units-on-date.ts';
import { Common } from './pagination.ts';
import { contextOf } from './route-table.ts';

const DATE = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
const UnitCode = Type.String({ pattern: '^([0-9]{2}|[0-9]{5})$' });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADERS = ['Mã', 'Tên đơn vị', 'Loại', 'Giá trị', 'Giai đoạn số liệu', 'Tình trạng', 'Phụ trách'];
/** When the city target has been split by commune: each commune's target and its verdict, worded as on screen. */
const SPLIT_HEADERS = ['Chỉ tiêu của xã', 'Đánh giá chỉ tiêu'];
const WIDTHS = [8, 30, 12, 12, 16, 18, 14, 24, 30];

function headers(t: CommuneTable): string[] {
  const h = [...HEADERS];
  if (t.split) h.splice(HEADERS.length - 1, 0, ...SPLIT_HEADERS);
  return h;
}

/** One row's cells as the headers name them; numbers stay numbers for the workbook (null when there is none). */
function rowCells(t: CommuneTable, r: CommuneTable['rows'][number]): Array<string | number | null> {
  const out: Array<string | number | null> = [
    r.code,
    r.name,
    r.level,
    r.value === null ? null : Number(r.value),
    r.figureStatus ?? '',
    r.statusWords.vi,
  ];
  if (t.split) out.push(r.target === null ? null : Number(r.target.value), r.target?.displayStatus?.vi ?? '');
  out.push(r.owners.join('; '));
  return out;
}

function cells(t: CommuneTable): string[][] {
  return t.rows.map((r) => {
    const row = rowCells(t, r).map((c) => (c === null ? '' : String(c)));
    // The exact decimal texts, not a float's rendering of them.
    row[3] = r.value ?? '';
    if (t.split) row[6] = r.target?.value ?? '';
    return row;
  });
}

/** The table as CSV (UTF-8 with a byte-order mark so Excel reads the diacritics), the filtered rows in their order. */
function communeCsv(t: CommuneTable): string {
  return `\uFEFF${[headers(t), ...cells(t)].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

async function communeXlsx(t: CommuneTable): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'chitieu';
  const ws = wb.addWorksheet('Xã, phường');
  ws.addRow([`${t.indicator.code}. ${t.indicator.name} (${t.indicator.unit}), năm ${t.year ?? '—'}: ${t.unit.name}`]);
  ws.addRow(headers(t)).font = { bold: true };
  for (const r of t.rows) ws.addRow(rowCells(t, r));
  const widths = t.split ? WIDTHS : [...WIDTHS.slice(0, 6), WIDTHS[8]];
  ws.columns.forEach((c, i) => (c.width = widths[i] ?? 12));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function unitRoutes(api: FastifyInstance, runtime: Runtime): Promise<void> {
  api.get(
    '/plans/:code/indicators/:indicator/communes',
    {
      config: { action: 'evaluation.read' },
      schema: {
        tags: ['evaluations'],
        summary:
          "An indicator's communes: each commune's figure that counts (approved) and status for the year, sortable and filterable, as JSON, CSV or xlsx (the city figure is the plan's evaluation)",
        params: Type.Object(
          { code: Common.code, indicator: Type.String({ minLength: 1, maxLength: 40 }) },
          { additionalProperties: false },
        ),
        querystring: Type.Object(
          {
            year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2200 })),
            sort: Type.Optional(Type.Union(COMMUNE_SORTS.map((s) => Type.Literal(s)))),
            order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
            q: Type.Optional(Type.String({ maxLength: 100 })),
            status: Type.Optional(Type.Union(COMMUNE_STATUSES.map((s) => Type.Literal(s)))),
            format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('xlsx')])),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => {
      const { code, indicator } = req.params as { code: string; indicator: string };
      const { format, ...query } = req.query as Omit<CommuneTableInput, 'planCode' | 'indicatorCode'> & {
        format?: 'json' | 'csv' | 'xlsx';
      };
      const table = await communeTable({
        ctx: contextOf(runtime, req),
        input: { planCode: code, indicatorCode: indicator, ...query },
      });
      if (format === undefined || format === 'json') return table;
      const base = `${table.plan.code}-${table.indicator.code}-xa-phuong-${table.year ?? 'na'}`;
      const names = {
        unicode: `${table.plan.code} - ${table.indicator.code} - xã, phường - ${table.year ?? ''}.${format}`,
        ascii: `${base}.${format}`.replace(/[^A-Za-z0-9._-]/g, '-'),
      };
      reply.header('content-disposition', contentDisposition(names));
      if (format === 'csv') return reply.header('content-type', 'text/csv; charset=utf-8').send(communeCsv(table));
      return reply.header('content-type', XLSX).send(await communeXlsx(table));
    },
  );

  api.get(
    '/plans/:code/baselines',
    {
      config: { action: 'evaluation.read' },
      schema: {
        tags: ['evaluations'],
        summary:
          "Consolidated baselines of a merged unit's plan: each indicator's base-period figure computed from the former units with its declared method, step by step, compared with a stated figure; what is missing",
        params: Type.Object({ code: Common.code }, { additionalProperties: false }),
        querystring: Type.Object(
          { dataBasis: Type.Optional(Type.Union([Type.Literal('approved'), Type.Literal('all')])) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) =>
      consolidatedBaselines({
        ctx: contextOf(runtime, req),
        input: {
          planCode: (req.params as { code: string }).code,
          ...(req.query as { dataBasis?: 'approved' | 'all' }),
        },
      }),
  );

  api.get(
    '/units/register',
    {
      config: { action: 'reference.read' },
      schema: {
        tags: ['reference'],
        summary: "The units as they were on a date, each with the code that holds its territory on today's boundaries",
        querystring: Type.Object(
          {
            on: Type.String({ pattern: DATE }),
            today: Type.Optional(Type.String({ pattern: DATE })),
            level: Type.Optional(
              Type.Union(['province', 'commune', 'ward', 'special_zone'].map((l) => Type.Literal(l))),
            ),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) =>
      unitsOnDate({ ctx: contextOf(runtime, req), input: req.query as { on: string; today?: string; level?: string } }),
  );

  api.post(
    '/units/import',
    {
      config: { action: 'reference.manage' },
      schema: {
        tags: ['reference'],
        summary:
          'Import a commune register (CSV: code,name,kind,parent,valid_from,valid_to,event,related) with its legal document (admin, plan owner)',
        body: Type.Object(
          {
            csv: Type.String({ minLength: 1, maxLength: 2_000_000 }),
            document: Type.Object(
              {
                number: Type.String({ minLength: 1, maxLength: 100 }),
                date: Type.String({ pattern: DATE }),
                issuer: Type.Optional(Type.String({ maxLength: 300 })),
                title: Type.Optional(Type.String({ maxLength: 500 })),
              },
              { additionalProperties: false },
            ),
            reason: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            created: Type.Integer(),
            unchanged: Type.Integer(),
            lineage: Type.Integer(),
            document: Type.Object({ id: Type.String(), number: Type.String(), date: Type.String() }),
          }),
        },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await importUnits({ ctx: contextOf(runtime, req), input: req.body as ImportUnitsInput })),
  );

  api.post(
    '/units/:code/end',
    {
      config: { action: 'reference.manage' },
      schema: {
        tags: ['reference'],
        summary:
          'Record the last day a unit existed (merged or dissolved), or null when it exists again; every plan is recomputed (admin, plan owner)',
        params: Type.Object({ code: UnitCode }, { additionalProperties: false }),
        body: Type.Object(
          {
            validTo: Type.Union([Type.String({ pattern: DATE }), Type.Null()]),
            reason: Type.String({ minLength: 1, maxLength: 2000 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ code: Type.String(), validTo: Type.Union([Type.String(), Type.Null()]) }) },
      },
    },
    async (req) => {
      const code = (req.params as { code: string }).code;
      const body = req.body as { validTo: string | null; reason: string };
      await endUnit({
        ctx: contextOf(runtime, req),
        input: { unitCode: code, validTo: body.validTo, reason: body.reason },
      });
      return { code, validTo: body.validTo };
    },
  );
}
