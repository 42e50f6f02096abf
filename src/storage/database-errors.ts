// The one translation of database errors (PostgreSQL and PGlite raise the same SQLSTATE codes) into the product's
// typed errors, used by the HTTP edge and the CLI alike: the client learns which field or record and why, never the
// database's own text.
import { ChitieuError, Conflict, ValidationError, type Messages } from '../core/errors.ts';

interface DatabaseErrorLike {
  code?: unknown;
  table?: unknown;
  constraint?: unknown;
  column?: unknown;
}

// Record names by table, for "already exists" and "refers to an unknown …" messages.
const RECORDS: Record<string, Messages> = {
  tenants: { vi: 'địa phương', en: 'tenant' },
  units: { vi: 'đơn vị hành chính', en: 'unit' },
  agencies: { vi: 'cơ quan', en: 'agency' },
  plans: { vi: 'nghị quyết', en: 'plan' },
  indicators: { vi: 'chỉ tiêu', en: 'indicator' },
  targets: { vi: 'mục tiêu', en: 'target' },
  observations: { vi: 'số liệu', en: 'observation' },
  observation_versions: { vi: 'phiên bản số liệu', en: 'figure version' },
  users: { vi: 'người dùng', en: 'user' },
  documents: { vi: 'văn bản', en: 'document' },
};

const text = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** The column a constraint guards, from PostgreSQL's default names (units_code_check → code; plans_tenant_id_code_key → code). */
function fieldOf(e: DatabaseErrorLike): string {
  const column = text(e.column);
  if (column) return column;
  const table = text(e.table) ?? '';
  const constraint = text(e.constraint) ?? '';
  const rest = constraint.startsWith(`${table}_`) ? constraint.slice(table.length + 1) : constraint;
  const field = rest
    .replace(/_(check|key|fkey|pkey|idx)$/, '')
    .replace(/^tenant_id_/, '')
    .replace(/_id$/, '');
  return field.length > 0 ? field : 'value';
}

function recordOf(e: DatabaseErrorLike): Messages {
  const table = text(e.table);
  return (table ? RECORDS[table] : undefined) ?? { vi: 'bản ghi', en: 'record' };
}

/** The typed error a database error stands for, or null when it is the system's fault (then it stays internal). */
export function translateDatabaseError(err: unknown): ChitieuError | null {
  if (typeof err !== 'object' || err === null || err instanceof ChitieuError) return null;
  const e = err as DatabaseErrorLike;
  const field = fieldOf(e);
  const invalid = (code: string, reason: Messages): ValidationError =>
    new ValidationError(
      { vi: `Trường ${field}: ${reason.vi}`, en: `Field ${field}: ${reason.en}` },
      [{ path: field, reason }],
      code,
    );
  switch (e.code) {
    case '22021': // character_not_in_repertoire
    case '22P05': // untranslatable_character
      return invalid('invalid_text', {
        vi: 'văn bản chứa ký tự không hợp lệ',
        en: 'the text contains invalid characters',
      });
    case '22001':
      return invalid('value_too_long', { vi: 'giá trị quá dài', en: 'value too long' });
    case '22003':
      return invalid('number_out_of_range', { vi: 'số vượt quá giới hạn', en: 'number out of range' });
    case '22007': // invalid_datetime_format
    case '22008': // datetime_field_overflow (2026-02-30)
      return invalid('invalid_date', { vi: 'ngày không tồn tại', en: 'the date does not exist' });
    case '22P02': // invalid_text_representation
      return invalid('invalid_value', { vi: 'giá trị không đúng kiểu', en: 'the value has the wrong type' });
    case '23514': // check_violation
      return invalid('invalid_value', { vi: 'giá trị không được phép', en: 'the value is not allowed' });
    case '23502': // not_null_violation
      return invalid('missing_value', { vi: 'thiếu giá trị bắt buộc', en: 'a required value is missing' });
    case '23505': {
      const r = recordOf(e);
      return new Conflict(
        'already_exists',
        { vi: `Đã có ${r.vi} với ${field} này`, en: `A ${r.en} with this ${field} already exists` },
        { field },
      );
    }
    case '23503': {
      const r = recordOf(e);
      return invalid('unknown_reference', {
        vi: `${r.vi} nhắc tới một bản ghi không tồn tại`,
        en: `the ${r.en} refers to a record that does not exist`,
      });
    }
    default:
      return null;
  }
}
