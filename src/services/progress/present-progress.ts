// The outward shape of a progress report (API, web): figures under the API's names, never the raw row.
import type { ProgressRow } from '../../storage/repositories/progress-repo.ts';
import { FIGURES, type ProgressKind } from './progress-access.ts';

export interface ProgressView {
  id: string;
  parentId: string;
  period: string;
  figures: Record<string, string | null>;
  workflowState: string;
  reviewComment: string | null;
  supersedesId: string | null;
  supersededBy: string | null;
  enteredBy: string | null;
  enteredAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  version: number;
}

export function presentProgress(kind: ProgressKind, r: ProgressRow, publicView: boolean): ProgressView {
  const figures = Object.fromEntries(
    Object.entries(FIGURES[kind]).map(([name, f]) => [name, r.figures[f.column] ?? null]),
  );
  return {
    id: r.id,
    parentId: r.parent_id,
    period: r.period,
    figures,
    workflowState: r.workflow_state,
    // Review comments and who entered what are the tenant's business, not the portal's.
    reviewComment: publicView ? null : r.review_comment,
    supersedesId: r.supersedes_id,
    supersededBy: r.superseded_by,
    enteredBy: publicView ? null : r.entered_by,
    enteredAt: r.entered_at,
    approvedBy: publicView ? null : r.approved_by,
    approvedAt: r.approved_at,
    version: r.version,
  };
}
