// The bundled dataset's file shapes (data/FORMAT.md); the JSON Schemas in data/schema validate them on read.
import type { FigureRules } from '../../core/checks/figure-checks.ts';
import type { TargetSpec } from '../../core/targets/target.ts';
import type { ExceededAs, ObservationStatus, PriceBasis } from '../../core/vocabulary.ts';

export interface DocumentRef {
  kind: string;
  number?: string | null;
  date?: string | null;
  issuer?: string | null;
  title?: string | null;
}

export interface NoteFile {
  kind?: string;
  text: string;
  lines?: number[];
}

export interface TenantFile {
  /** The file it was read from, for messages. */
  file?: string;
  format: string;
  tenant: { code: string; name: string; unitCode: string };
  units: {
    code: string;
    name: string;
    level: string;
    validFrom: string | null;
    validTo: string | null;
    note?: string;
    line?: number;
  }[];
  lineage?: { from: string; to: string; event: string; date: string; document?: DocumentRef | null; line?: number }[];
  agencies?: { code: string; name: string; line?: number }[];
}

export interface IndicatorFile {
  code: string;
  parent: string | null;
  name: string;
  unit: string;
  group?: string | null;
  measure?: string;
  priceBasis?: PriceBasis;
  direction?: string;
  aggregation?: { overUnits?: string; overTime?: string };
  /**
   * The declared aggregation method over units (core/consolidation AggregationMethod) and, for a merged unit's plan,
   * where its base-period figure is found in the former units' plans (BaselineDeclaration). Checked by
   * parseAggregationMethod / parseBaselineDeclaration before anything is written.
   */
  consolidation?: { method: unknown; baseline?: unknown };
  compositeRule?: 'all_children_met' | 'own_target' | null;
  /** What the indicator declares about its figures (core/checks FigureRules). */
  figureRules?: FigureRules;
  line?: number;
  targets?: { text: string; line?: number; spec: TargetSpec; document?: DocumentRef | null }[];
  observations?: {
    period: string;
    /** null when the source gives only a bound or a range */
    value: string | null;
    text?: string;
    status: ObservationStatus;
    measure?: string;
    priceBasis?: PriceBasis;
    line?: number;
    asOf?: string;
    bound?: { op: string; value: string };
    range?: { min: string; max: string };
    aggregate?: string;
    /** Why a figure the checks flag as implausible is right; without it such a figure is refused. */
    plausibilityConfirmed?: string;
  }[];
  reportedVerdict?: { text: string; status: string; line?: number } | null;
  notes?: NoteFile[];
}

export interface PlanFile {
  /** The file it was read from, for messages. */
  file?: string;
  format: string;
  tenant: string;
  plan: {
    id: string;
    name: string;
    description?: string;
    unitCode: string;
    term: { firstYear: number; lastYear: number };
    document?: DocumentRef | null;
    display?: { exceededAs?: ExceededAs };
    progressMethod?: string;
    line?: number;
  };
  indicators?: IndicatorFile[];
  breakthroughs?: {
    code: string;
    title: string;
    body?: string;
    line?: number;
    links?: { tasks?: string[]; projects?: string[]; indicators?: string[] };
  }[];
  tasks?: { code: string; title: string; body?: string; line?: number }[];
  projects?: {
    list?: number;
    number: string;
    name: string;
    role?: 'lead' | 'coordinate';
    agency?: string | null;
    investment?: string | null;
    capitalSource?: string | null;
    line?: number;
    [k: string]: unknown;
  }[];
  notes?: NoteFile[];
}

export interface Dataset {
  tenants: TenantFile[];
  plans: PlanFile[];
}
