// Cursor pagination shared by every list: the cursor is an opaque encoding of the last row's sort key (keyset
// paging: stable while rows are added, unlike offsets).
import { ValidationError } from '../../core/errors.ts';

export function encodeCursor(key: string[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string[] | null {
  if (!cursor) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length > 0 &&
      key.length <= 4 &&
      key.every((k) => typeof k === 'string' && k.length <= 200)
    )
      return key;
  } catch {
    // fall through to the refusal below
  }
  throw new ValidationError(
    { vi: 'Con trỏ phân trang không hợp lệ', en: 'Invalid pagination cursor' },
    [{ path: 'querystring/cursor', reason: { vi: 'không hợp lệ', en: 'invalid' } }],
    'invalid_cursor',
  );
}

/** Fetches limit+1 rows to know whether a next page exists. */
export function page<T>(
  rows: T[],
  limit: number,
  keyOf: (row: T) => string[],
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
