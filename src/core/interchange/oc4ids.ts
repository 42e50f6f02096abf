// Key projects as an OC4IDS 0.9 project package (Open Contracting for Infrastructure Data Standard): the plan's
// projects with their status, owner, budget, period, milestones and reported physical progress, in the standard's own
// codes. Validated in the tests against the official schema vendored in vendor/oc4ids-0.9.5.
export const OC4IDS_VERSION = '0.9';

export interface Oc4idsProjectInput {
  id: string;
  code: string;
  title: string;
  description: string | null;
  status: string;
  projectType: string | null;
  purpose: string | null;
  budgetAmount: string | null;
  budgetCurrency: string | null;
  capitalSource: string | null;
  locationText: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  agency: { code: string; name: string } | null;
  milestones: {
    code: string;
    title: string;
    type: string | null;
    status: string;
    dueDate: string | null;
    dateMet: string | null;
  }[];
  /** The newest approved physical progress of each period, in percent. */
  progress: { period: string; physicalActualPercent: string | null; physicalPlannedPercent: string | null }[];
}

export interface Oc4idsPackageInput {
  /** The tenant's OC4IDS project identifier prefix when it has registered one, else its own code. */
  prefix: string;
  tenantName: string;
  planCode: string;
  publishedAt: Date;
  projects: Oc4idsProjectInput[];
}

/**
 * chitieu's project status → OC4IDS projectStatus. "completed" (handed over and closed in the plan) has no code of
 * its own in the standard; its completion phase is the nearest.
 */
const STATUS: Record<string, string> = {
  identification: 'identification',
  preparation: 'preparation',
  implementation: 'implementation',
  completion: 'completion',
  completed: 'completion',
  cancelled: 'cancelled',
};

/** A calendar date of the plan, at the start of the day in Việt Nam (UTC+7): OC4IDS dates are date-times. */
const dateTime = (d: string): string => `${d}T00:00:00+07:00`;

const compact = <T extends Record<string, unknown>>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;

function periodOf(code: string): { startDate: string; endDate: string } | null {
  const year = /^(\d{4})$/.exec(code);
  if (year) return { startDate: dateTime(`${year[1]}-01-01`), endDate: dateTime(`${year[1]}-12-31`) };
  const month = /^(\d{4})-(\d{2})$/.exec(code);
  if (month) {
    const y = Number(month[1]);
    const m = Number(month[2]);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return {
      startDate: dateTime(`${month[1]}-${month[2]}-01`),
      endDate: dateTime(`${month[1]}-${month[2]}-${String(last)}`),
    };
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(code);
  if (quarter) {
    const q = Number(quarter[2]);
    const startMonth = String(q * 3 - 2).padStart(2, '0');
    const endMonth = String(q * 3).padStart(2, '0');
    const last = new Date(Date.UTC(Number(quarter[1]), q * 3, 0)).getUTCDate();
    return {
      startDate: dateTime(`${quarter[1]}-${startMonth}-01`),
      endDate: dateTime(`${quarter[1]}-${endMonth}-${String(last)}`),
    };
  }
  return null;
}

function project(p: Oc4idsProjectInput, input: Oc4idsPackageInput): Record<string, unknown> {
  const authority = p.agency === null ? null : { id: p.agency.code, name: p.agency.name };
  const observations = p.progress
    .filter((r) => r.physicalActualPercent !== null)
    .map((r) =>
      compact({
        id: r.period,
        period: periodOf(r.period),
        measure: Number(r.physicalActualPercent),
        unit: { name: '%' },
      }),
    );
  return compact({
    id: `${input.prefix}-${input.planCode}-${p.code}`,
    updated: input.publishedAt.toISOString(),
    language: 'vi',
    title: p.title,
    description: p.description,
    status: STATUS[p.status] ?? null,
    type: p.projectType,
    purpose: p.purpose,
    budget:
      p.budgetAmount === null
        ? null
        : compact({
            amount: { amount: Number(p.budgetAmount), currency: p.budgetCurrency ?? 'VND' },
            description: p.capitalSource,
          }),
    period:
      p.periodStart === null && p.periodEnd === null
        ? null
        : compact({
            startDate: p.periodStart === null ? null : dateTime(p.periodStart),
            endDate: p.periodEnd === null ? null : dateTime(p.periodEnd),
          }),
    locations: p.locationText === null ? null : [{ id: '1', description: p.locationText }],
    publicAuthority: authority,
    parties: authority === null ? null : [{ ...authority, roles: ['publicAuthority'] }],
    milestones:
      p.milestones.length === 0
        ? null
        : p.milestones.map((m) =>
            compact({
              id: m.code,
              title: m.title,
              type: m.type,
              status: m.status,
              dueDate: m.dueDate === null ? null : dateTime(m.dueDate),
              dateMet: m.dateMet === null ? null : dateTime(m.dateMet),
            }),
          ),
    metrics:
      observations.length === 0
        ? null
        : [{ id: 'physical_progress', title: 'Tiến độ thực hiện (khối lượng)', observations }],
  });
}

export function oc4idsPackage(input: Oc4idsPackageInput): Record<string, unknown> {
  return {
    uri: `urn:chitieu:${input.prefix}:${input.planCode}:oc4ids`,
    publishedDate: input.publishedAt.toISOString(),
    version: OC4IDS_VERSION,
    publisher: { name: input.tenantName },
    projects: input.projects.map((p) => project(p, input)),
  };
}
