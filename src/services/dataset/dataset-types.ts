// The bundled dataset's file shapes (data/FORMAT.md); the JSON Schemas in data/schema validate them on read.
import type { FigureRules } from '../../core/checks/figure-checks.ts';
import type { TargetSpec } from '../../core/targets/target.ts';
import type { DocumentKind, ExceededAs, ObservationStatus, PriceBasis, TargetStage } from '../../core/vocabulary.ts';

/**
 * A place in one of the plan's documents: which document (its `id` in the plan's `documents`), and where: a page, a
 * line, a paragraph, a quote (at least one). A record's bare `line` is a line of the plan's default document.
 */
export interface Citation {
  document: string;
  page?: number;
  line?: number;
  lineEnd?: number;
  paragraph?: string;
  quote?: string;
}

/** One of the documents a plan's records cite: its resolution, plans, statistical releases, articles, web pages. */
export interface PlanDocument {
  id: string;
  kind: DocumentKind;
  title: string;
  number: string | null;
  date: string | null;
  issuer: string | null;
  publisher?: string;
  url?: string;
  file?: string;
  accessed?: string;
  /** The document a bare `line` refers to (at most one per plan). */
  default?: boolean;
}

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
  source?: Citation;
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

export interface TargetFile {
  text: string;
  line?: number;
  lineEnd?: number;
  source?: Citation;
  spec: TargetSpec;
  document?: DocumentRef | null;
  /** Spec fields not written as digits in the text, each with the reason. */
  derived?: Record<string, string>;
  notes?: NoteFile[];
  /** draft, in_force (default) or superseded; a superseded one names the later document and when it took over. */
  stage?: TargetStage;
  revisedBy?: { document: string; date: string };
  /**
   * The unit the target is set for when not the plan's own (a former unit before a merger, another unit): its code,
   * and a day it held that code. Evaluated on that unit's figures, shown, and not counted in the plan's summary.
   */
  scope?: { unit: string; on?: string };
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
  source?: Citation;
  targets?: TargetFile[];
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
    /** The unit the figure is for when not the plan's own (the figures a target of that scope reads). */
    scope?: { unit: string; on?: string };
    source?: Citation;
    notes?: NoteFile[];
  }[];
  reportedVerdict?: { text: string; status: string; line?: number; source?: Citation } | null;
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
    source?: Citation;
  };
  /** The documents the plan's records cite (absent in older files: a bare `line` then has no document). */
  documents?: PlanDocument[];
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
