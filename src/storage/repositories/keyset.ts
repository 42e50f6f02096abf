// Keyset paging under a chosen order: the ORDER BY, the "after this row" condition and the row's sort key, built
// from one list of SQL expressions that the repository itself allows (callers name a key, never send SQL).
// The id breaks ties and runs in the same direction, so the order is total and a page never repeats or skips a row.

export interface Order {
  /** Text-valued SQL expressions from the repository's own allow-list; NULLs are coalesced so comparisons hold. */
  exprs: readonly string[];
  desc: boolean;
}

export interface Keyset {
  /** `ARRAY[...] AS sort_key`: the row's position, which becomes the next cursor. */
  select: string;
  where: string;
  orderBy: string;
  params: string[];
}

/** `firstParam` is the number of the first placeholder the condition may use. */
export function keyset(order: Order, idExpr: string, after: string[] | null, firstParam: number): Keyset {
  const cols = [...order.exprs.map((e) => `coalesce((${e})::text, '')`), `(${idExpr})::text`];
  const dir = order.desc ? 'DESC' : 'ASC';
  const usable = after !== null && after.length === cols.length;
  return {
    select: `ARRAY[${cols.join(', ')}] AS sort_key`,
    where: usable
      ? `(${cols.join(', ')}) ${order.desc ? '<' : '>'} (${cols.map((_, i) => `$${firstParam + i}`).join(', ')})`
      : 'TRUE',
    orderBy: cols.map((c) => `${c} ${dir}`).join(', '),
    params: usable ? after : [],
  };
}
