// `?sort=field` or `?sort=-field` (descending) on list endpoints: the field must be on the endpoint's allow-list,
// and the cursor remembers the order it was made under, so a page is never read under another order.
import { ValidationError } from '../../core/errors.ts';

export interface Sort<K extends string> {
  key: K;
  desc: boolean;
  /** How the sort is written in the cursor, e.g. "-deadline". */
  token: string;
}

export function parseSort<K extends string>(
  sort: string | undefined,
  allowed: readonly K[],
  fallback: string,
): Sort<K> {
  const token = sort ?? fallback;
  const desc = token.startsWith('-');
  const key = desc ? token.slice(1) : token;
  if (!(allowed as readonly string[]).includes(key)) {
    throw new ValidationError(
      {
        vi: `Không sắp xếp được theo "${key}"; dùng một trong: ${allowed.join(', ')}`,
        en: `Cannot sort by "${key}"; use one of: ${allowed.join(', ')}`,
      },
      [
        {
          path: 'querystring/sort',
          reason: {
            vi: `trường "${key}" không được phép; dùng ${allowed.join(', ')}`,
            en: `unknown sort field "${key}"; use ${allowed.join(', ')}`,
          },
        },
      ],
      'invalid_sort',
      { field: key, allowed },
    );
  }
  return { key: key as K, desc, token };
}

/** The keyset part of a decoded cursor, which must have been made under the same order. */
export function afterKey(cursor: string[] | null, sort: Sort<string>, sortColumns: number): string[] | null {
  if (cursor === null) return null;
  // The key holds each sort column and the id.
  if (cursor[0] !== sort.token || cursor.length !== sortColumns + 2) {
    throw new ValidationError(
      { vi: 'Con trỏ phân trang thuộc một cách sắp xếp khác', en: 'The cursor was made under another sort order' },
      [{ path: 'querystring/cursor', reason: { vi: 'không khớp với sort', en: 'does not match sort' } }],
      'invalid_cursor',
    );
  }
  return cursor.slice(1);
}
