// The selection each page keeps in its URL, validated on the way in so a hand-edited link cannot break a page.
import { SORT_COLUMNS, type SortColumn } from './data/overview-rows.ts';

export interface OverviewSearch {
  status?: string;
  group?: string;
  agency?: string;
  kind?: string;
  q?: string;
  sort?: SortColumn;
  desc?: boolean;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.slice(0, 200) : undefined;
}

export function validateOverviewSearch(raw: Record<string, unknown>): OverviewSearch {
  const sort = SORT_COLUMNS.find((c) => c === raw.sort);
  return {
    status: text(raw.status),
    group: text(raw.group),
    agency: text(raw.agency),
    kind: text(raw.kind),
    q: text(raw.q),
    sort,
    desc: raw.desc === true || raw.desc === 'true' ? true : undefined,
  };
}

export interface IndicatorSearch {
  view?: 'table';
}

export function validateIndicatorSearch(raw: Record<string, unknown>): IndicatorSearch {
  return { view: raw.view === 'table' ? 'table' : undefined };
}

export interface ChangesSearch {
  since?: string;
}

export function validateChangesSearch(raw: Record<string, unknown>): ChangesSearch {
  const since = typeof raw.since === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw.since) ? raw.since : undefined;
  return { since };
}
