// Recomputes the stored evaluations of targets whose inputs changed (a new vintage, an approval), on approved
// figures, and records every verdict or value that moved: "what changed since the estimates".
import type { Queryable } from '../../storage/db.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import type { EvaluationRow } from './present-evaluation.ts';
import { runEvaluations, type PlanRef } from './run-evaluations.ts';

export interface EvaluationChange {
  targetId: string;
  indicator: { code: string; name: string };
  target: string;
  before: { status: string | null; value: string | null; word: string | null; vintages: string[] } | null;
  after: { status: string | null; value: string | null; word: string | null; vintages: string[] };
}

interface StoredEvaluation {
  [k: string]: unknown;
  id: string;
  target_id: string;
  status: string;
  actual_value: string | null;
  result: EvaluationRow;
}

const vintagesOf = (r: EvaluationRow): string[] =>
  r.inputs.map((v) => `${v.period}: ${v.value ?? v.text ?? ''} (${v.status}${v.label ? `, ${v.label}` : ''})`);

export async function recomputeEvaluations(
  tx: Queryable,
  ctx: ServiceContext,
  input: { plan: PlanRef; indicatorIds: string[] | null; causeVersionId: string | null },
): Promise<EvaluationChange[]> {
  const now = ctx.now();
  const asOf = { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 };
  const { rows: all } = await runEvaluations(tx, input.plan, {
    dataBasis: 'approved',
    publishedOn: null,
    asOf,
    indicatorIds: input.indicatorIds,
  });
  // Snapshots are kept per stored target; composite rows are recomputed from their children on read.
  const rows = all.filter((r) => r.composite !== true);
  if (rows.length === 0) return [];
  const previous = await tx.query<StoredEvaluation>(
    `SELECT DISTINCT ON (target_id) id, target_id, status, actual_value, result
       FROM evaluations WHERE tenant_id = $1 AND target_id = ANY($2) AND data_basis = 'approved'
      ORDER BY target_id, computed_at DESC, id`,
    [input.plan.tenant_id, rows.map((r) => r.targetId)],
  );
  const prevByTarget = new Map(previous.map((p) => [p.target_id, p]));
  const changes: EvaluationChange[] = [];
  for (const row of rows) {
    const status = row.status ?? 'invalid';
    const prev = prevByTarget.get(row.targetId);
    const inserted = await tx.query<{ id: string }>(
      `INSERT INTO evaluations (tenant_id, target_id, unit_id, as_of, data_basis, status, actual_value, result, input_version_ids, computed_by)
       SELECT $1, t.id, coalesce(t.unit_id, p.unit_id), $3, 'approved', $4, $5, $6, $7::uuid[], $8
         FROM targets t JOIN plans p ON p.id = t.plan_id WHERE t.id = $2 AND t.tenant_id = $1 RETURNING id`,
      [
        input.plan.tenant_id,
        row.targetId,
        now.toISOString().slice(0, 10),
        status,
        row.actual.value,
        JSON.stringify(row),
        row.inputs.map((v) => v.versionId),
        ctx.actor.userId,
      ],
    );
    const newId = inserted[0]?.id;
    if (!newId) continue;
    const moved = !prev || prev.status !== status || prev.actual_value !== row.actual.value;
    if (!prev || !moved) continue;
    await tx.query(
      `INSERT INTO evaluation_changes (tenant_id, target_id, before_evaluation_id, after_evaluation_id, old_status, new_status, old_value, new_value, cause_version_id)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
      [
        input.plan.tenant_id,
        row.targetId,
        prev.id,
        newId,
        prev.status,
        status,
        prev.actual_value,
        row.actual.value,
        input.causeVersionId,
      ],
    );
    changes.push({
      targetId: row.targetId,
      indicator: { code: row.indicator.code, name: row.indicator.name },
      target: row.target.text,
      before: {
        status: prev.status,
        value: prev.actual_value,
        word: prev.result.displayStatus?.vi ?? null,
        vintages: vintagesOf(prev.result),
      },
      after: {
        status: row.status,
        value: row.actual.value,
        word: row.displayStatus?.vi ?? null,
        vintages: vintagesOf(row),
      },
    });
  }
  if (changes.length > 0) {
    await writeAudit(tx, ctx, {
      tenantId: input.plan.tenant_id,
      action: 'recompute',
      entity: 'evaluation',
      entityId: null,
      after: changes,
      reason: 'inputs changed',
    });
  }
  return changes;
}
