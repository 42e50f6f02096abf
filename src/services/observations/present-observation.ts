// The outward shape of an observation and its versions: explicit fields, never raw rows. The public sees approved
// versions only.
import type { ObservationRow, ReviewRow, VersionRow } from '../../storage/repositories/observations-repo.ts';

export interface VersionView {
  id: string;
  seq: number;
  value: string | null;
  valueText: string | null;
  status: string;
  workflowState: string;
  reason: string | null;
  sourceText: string | null;
  evidenceUrl: string | null;
  enteredBy: string | null;
  enteredAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  /** What the checks flagged and the person entering it confirmed, with the reason: the approver sees it. */
  plausibility: {
    flags: { code: string; value: string; messages: { vi: string; en: string } }[];
    reason: string;
  } | null;
  /** A withdrawn figure: approved as wrong and taken back; it no longer counts. */
  withdrawn: boolean;
}

export interface ReviewView {
  versionId: string;
  action: string;
  comment: string | null;
  actorId: string | null;
  at: string;
}

export interface ObservationView {
  id: string;
  tenant: string;
  plan: string | null;
  indicator: { id: string; code: string; name: string };
  unit: { id: string; code: string; name: string };
  period: string;
  version: number;
  /** The newest version the caller may see (for the public: the newest approved one). */
  latest: VersionView | null;
  /** The newest approved version: the only one that is public and counts in official reports. */
  approved: VersionView | null;
  versions?: VersionView[];
  reviews?: ReviewView[];
  /** Notes on the figure from its document (kept by the dataset import), each with its citation. */
  notes: { kind: string; text: string; source: Record<string, unknown> | null }[];
}

export function presentVersion(v: VersionRow): VersionView {
  return {
    id: v.id,
    seq: v.seq,
    value: v.value,
    valueText: v.value_text,
    status: v.status,
    workflowState: v.workflow_state,
    reason: v.reason,
    sourceText: v.source_text,
    evidenceUrl: v.evidence_url,
    enteredBy: v.entered_by,
    enteredAt: v.entered_at,
    approvedBy: v.approved_by,
    approvedAt: v.approved_at,
    plausibility: plausibilityOf(v.provenance),
    withdrawn: v.value_qualifier?.withdrawn === true,
  };
}

export function plausibilityOf(provenance: Record<string, unknown> | null): VersionView['plausibility'] {
  const p = provenance?.plausibility as
    { flags?: { code: string; value: string; messages: { vi: string; en: string } }[]; reason?: string } | undefined;
  if (!p?.flags) return null;
  return {
    flags: p.flags.map((f) => ({ code: f.code, value: f.value, messages: f.messages })),
    reason: p.reason ?? '',
  };
}

export function presentObservation(
  o: ObservationRow,
  versions: VersionRow[],
  publishedOnly: boolean,
  history?: { reviews: ReviewRow[] },
): ObservationView {
  const visible = (publishedOnly ? versions.filter((v) => v.workflow_state === 'approved') : versions).sort(
    (a, b) => a.seq - b.seq,
  );
  const approved = visible.filter((v) => v.workflow_state === 'approved');
  const latest = visible[visible.length - 1];
  const lastApproved = approved[approved.length - 1];
  return {
    id: o.id,
    tenant: o.tenant_code,
    plan: o.plan_code,
    indicator: { id: o.indicator_id, code: o.indicator_code, name: o.indicator_name },
    unit: { id: o.unit_id, code: o.unit_code, name: o.unit_name },
    period: o.period,
    version: o.version,
    notes: o.notes ?? [],
    latest: latest ? presentVersion(latest) : null,
    approved: lastApproved ? presentVersion(lastApproved) : null,
    ...(history
      ? {
          versions: visible.map(presentVersion),
          reviews: publishedOnly
            ? []
            : history.reviews.map((r) => ({
                versionId: r.version_id,
                action: r.action,
                comment: r.comment,
                actorId: r.actor_id,
                at: r.at,
              })),
        }
      : {}),
  };
}
