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
  /** Which of the indicator's targets is shown (its id); the first when absent. */
  target?: string;
}

export function validateIndicatorSearch(raw: Record<string, unknown>): IndicatorSearch {
  const target = typeof raw.target === 'string' && /^[0-9a-z:-]{1,80}$/i.test(raw.target) ? raw.target : undefined;
  return { view: raw.view === 'table' ? 'table' : undefined, target };
}

export interface ChangesSearch {
  since?: string;
}

export function validateChangesSearch(raw: Record<string, unknown>): ChangesSearch {
  const since = typeof raw.since === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw.since) ? raw.since : undefined;
  return { since };
}

const TIMELINESS = ['on_time', 'late', 'in_progress', 'overdue', 'no_deadline', 'cancelled'] as const;

export interface TasksSearch {
  standing?: (typeof TIMELINESS)[number];
  /** An agency's code; "" is the tasks no agency is assigned to. */
  agency?: string;
}

/** An agency filter where the empty string is a real choice ("not assigned"), unlike the other text fields. */
function agencyParam(v: unknown): string | undefined {
  return typeof v === 'string' ? v.slice(0, 200) : undefined;
}

export function validateTasksSearch(raw: Record<string, unknown>): TasksSearch {
  return { standing: TIMELINESS.find((s) => s === raw.standing), agency: agencyParam(raw.agency) };
}

export interface ProjectsSearch {
  status?: string;
  list?: 'lead' | 'coordinate';
  agency?: string;
}

export function validateProjectsSearch(raw: Record<string, unknown>): ProjectsSearch {
  return {
    status: text(raw.status),
    list: raw.list === 'lead' || raw.list === 'coordinate' ? raw.list : undefined,
    agency: agencyParam(raw.agency),
  };
}

export interface BreakthroughsSearch {
  /** The code of the breakthrough whose members are shown. */
  open?: string;
}

export function validateBreakthroughsSearch(raw: Record<string, unknown>): BreakthroughsSearch {
  return { open: text(typeof raw.open === 'number' ? String(raw.open) : raw.open) };
}

export interface WorklistSearch {
  /** An agency's code; absent for every agency. */
  agency?: string;
  /** A period: a year as a number (so the URL reads period=2026, not the quoted period=%222026%22 the router writes
   * for a string that parses as JSON), any other period code ("2026-Q3") as text; absent for every period. */
  period?: number | string;
}

export function validateWorklistSearch(raw: Record<string, unknown>): WorklistSearch {
  const period = typeof raw.period === 'number' ? String(raw.period) : raw.period;
  if (typeof period !== 'string' || !/^\d{4}(-[A-Z0-9]{1,4})?$/.test(period)) return { agency: text(raw.agency) };
  return { agency: text(raw.agency), period: /^\d{4}$/.test(period) ? Number(period) : period };
}

const COMMUNE_SORTS = ['code', 'name', 'value', 'status'] as const;
const COMMUNE_STATUSES = ['meets', 'not_met', 'no_figure', 'reported'] as const;

export interface CommunesSearch {
  year?: number;
  sort?: (typeof COMMUNE_SORTS)[number];
  order?: 'asc' | 'desc';
  q?: string;
  status?: (typeof COMMUNE_STATUSES)[number];
}

export function validateCommunesSearch(raw: Record<string, unknown>): CommunesSearch {
  const year = Number(raw.year);
  return {
    year: Number.isInteger(year) && year >= 1900 && year <= 2200 ? year : undefined,
    sort: COMMUNE_SORTS.find((s) => s === raw.sort),
    order: raw.order === 'asc' || raw.order === 'desc' ? raw.order : undefined,
    q: text(raw.q),
    status: COMMUNE_STATUSES.find((s) => s === raw.status),
  };
}
