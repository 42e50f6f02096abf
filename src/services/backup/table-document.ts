// The shape shared by a whole-plan document and a tenant backup: the tenant's rows table by table, each column as
// its PostgreSQL text, written one row a line so two documents compare (and diff) line by line.
import { ValidationError, type FieldIssue } from '../../core/errors.ts';
import type { Queryable } from '../../storage/db.ts';
import { jsonReferencesOutsideTenant } from './json-references.ts';
import {
  fixTextForms,
  referencesOutsideTenant,
  schemaVersion,
  type TableRows,
} from '../../storage/repositories/tenant-tables-repo.ts';

export const PLAN_DOCUMENT_FORMAT = 'chitieu-plan-document/1';
export const TENANT_BACKUP_FORMAT = 'chitieu-tenant-backup/1';

export interface TableDocument {
  format: typeof PLAN_DOCUMENT_FORMAT | typeof TENANT_BACKUP_FORMAT;
  /** The newest migration of the database that wrote it: only that schema reads it back. */
  schema: number;
  tenant: string;
  /** The plan's code (a plan document only). */
  plan?: string;
  tables: Record<string, TableRows>;
}

/** Deterministic text: the same rows give the same bytes. */
export function serializeTableDocument(doc: TableDocument): string {
  const head = [
    `  "format": ${JSON.stringify(doc.format)},`,
    `  "schema": ${String(doc.schema)},`,
    `  "tenant": ${JSON.stringify(doc.tenant)},`,
    ...(doc.plan === undefined ? [] : [`  "plan": ${JSON.stringify(doc.plan)},`]),
  ];
  const tables = Object.entries(doc.tables).map(([name, t]) => {
    const rows = t.rows.map((r) => `        ${JSON.stringify(r)}`).join(',\n');
    return [
      `    ${JSON.stringify(name)}: {`,
      `      "columns": ${JSON.stringify(t.columns)},`,
      t.rows.length === 0 ? `      "rows": []` : `      "rows": [\n${rows}\n      ]`,
      `    }`,
    ].join('\n');
  });
  return `{\n${head.join('\n')}\n  "tables": {\n${tables.join(',\n')}\n  }\n}\n`;
}

const bad = (vi: string, en: string): ValidationError =>
  new ValidationError({ vi, en }, [{ path: 'format', reason: { vi, en } }], 'invalid_document');

/** Reads a document of the expected format, naming what is wrong with it in both languages. */
export function parseTableDocument(text: string, format: TableDocument['format']): TableDocument {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw bad('Tệp không phải JSON hợp lệ', 'The file is not valid JSON');
  }
  const d = v as Partial<TableDocument> | null;
  if (d === null || typeof d !== 'object' || d.format !== format)
    throw bad(`Tệp không phải định dạng ${format}`, `The file is not in the ${format} format`);
  if (typeof d.schema !== 'number' || typeof d.tenant !== 'string' || typeof d.tables !== 'object' || !d.tables)
    throw bad('Tệp thiếu schema, tenant hoặc tables', 'The file lacks schema, tenant or tables');
  for (const [name, t] of Object.entries(d.tables)) {
    const ok =
      Array.isArray(t.columns) &&
      Array.isArray(t.rows) &&
      t.rows.every(
        (r) => Array.isArray(r) && r.length === t.columns.length && r.every((x) => x === null || typeof x === 'string'),
      );
    if (!ok)
      throw bad(
        `Bảng "${name}": mỗi dòng phải có đúng ${String(t.columns.length)} ô dạng chuỗi hoặc null`,
        `Table "${name}": every row must hold exactly ${String(t.columns.length)} string or null cells`,
      );
  }
  return d as TableDocument;
}

/** Before loading a document's rows: the database must be at the schema that wrote it, read in the same text forms. */
export async function readyToLoad(tx: Queryable, doc: TableDocument): Promise<void> {
  const version = await schemaVersion(tx);
  if (version !== doc.schema) throw schemaMismatch(doc.schema, version);
  await fixTextForms(tx);
}

function schemaMismatch(file: number, db: number): ValidationError {
  return new ValidationError(
    {
      vi: `Tệp được ghi bởi lược đồ dữ liệu số ${String(file)}, cơ sở dữ liệu đang ở số ${String(db)}: hãy dùng cùng phiên bản chitieu`,
      en: `The file was written by schema version ${String(file)}, the database is at ${String(db)}: use the same chitieu version`,
    },
    [{ path: 'schema', reason: { vi: 'khác phiên bản', en: 'different version' } }],
    'schema_mismatch',
    { file, database: db },
  );
}

/**
 * A document read into a tenant stays inside it: no row written under another tenant's id, and no reference from
 * the tenant's rows to another tenant's (referencesOutsideTenant). Called inside the transaction that wrote the rows,
 * after the deferred references are set, so a refusal leaves nothing behind. A backup or a plan file edited by hand
 * could otherwise put another province's agency on an account, or another province's indicator under a target; or,
 * inside a JSON cell no foreign key checks, another province's indicator in a saved view (json-references.ts).
 */
export async function checkTenantBounds(
  tx: Queryable,
  tables: Record<string, TableRows>,
  tenantId: string,
): Promise<void> {
  const issues: FieldIssue[] = [];
  for (const [name, t] of Object.entries(tables)) {
    const i = name === 'tenants' ? -1 : t.columns.indexOf('tenant_id');
    const others = i < 0 ? 0 : t.rows.filter((r) => r[i] !== null && r[i] !== tenantId).length;
    if (others > 0)
      issues.push({
        path: `${name}.tenant_id`,
        reason: { vi: `${others} dòng thuộc địa phương khác`, en: `${others} row(s) of another tenant` },
      });
  }
  for (const r of await referencesOutsideTenant(tx, tenantId, Object.keys(tables)))
    issues.push({
      path: `${r.table}.${r.column}`,
      reason: {
        vi: `${r.rows} dòng trỏ tới dữ liệu của địa phương khác`,
        en: `${r.rows} row(s) refer to another tenant's rows`,
      },
    });
  // Ids inside JSON cells, which no foreign key checks (json-references.ts); the first 20 are named.
  for (const r of (await jsonReferencesOutsideTenant(tx, tenantId, tables)).slice(0, 20))
    issues.push({
      path: `${r.table}.${r.column}${r.path}`,
      reason: {
        vi: `dòng ${String(r.row)}: mã ${r.id} là dữ liệu của địa phương khác (bảng ${r.names})`,
        en: `row ${String(r.row)}: id ${r.id} is another tenant's row (table ${r.names})`,
      },
    });
  if (issues.length > 0)
    throw new ValidationError(
      {
        vi: `Tệp trỏ tới dữ liệu của địa phương khác (${issues.map((x) => x.path).join(', ')}); chưa ghi gì`,
        en: `The file refers to another tenant's data (${issues.map((x) => x.path).join(', ')}); nothing was written`,
      },
      issues,
      'outside_tenant',
    );
}
