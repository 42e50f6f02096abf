// One target's evaluation at one unit as evaluate-all stores it, a million of them at national scale: the core row
// less what it would repeat. What is the same at every unit of the target (its id, indicator, target text and
// reported verdict: the target part) is the target's, read with it; the figures the row rests on are named by their
// version ids beside it, in order (observation versions are append-only, so an id names the same figure for good).
// What is left is the unit's own: its actual value, status, phase, requirement, projection, method, intermediates,
// explanation, forecast. coreRowOfUnitRow puts the core row back together, key for key as the engine made it.
import { CORE_ROW_SCHEMA_VERSION, type CoreRow, type CoreVintage } from './core-row.ts';
import type { TargetPart } from './evaluate-plan-snapshot.ts';

/**
 * The unit row is the core row less the parts named here, so its shape changes exactly when the core row's does: a
 * stored unit row of another version is recomputed before it is read, as a stored plan evaluation is.
 */
export const UNIT_ROW_SCHEMA_VERSION = CORE_ROW_SCHEMA_VERSION;

export type UnitRow = Omit<CoreRow, 'targetId' | 'indicator' | 'target' | 'reported' | 'inputs'>;

/** The unit row and the version ids of its inputs, in the row's order. */
export function unitRowOf(row: CoreRow): { row: UnitRow; inputs: string[] } {
  const { targetId: _id, indicator: _indicator, target: _target, reported: _reported, inputs, ...own } = row;
  const ids: string[] = [];
  for (const v of inputs) {
    // A stand-in computed from former units (a merged unit's baseline) is no stored version: it cannot be named.
    if (v.consolidated) throw new Error(`unit row: input ${v.versionId} is not a stored version`);
    ids.push(v.versionId);
  }
  return { row: own, inputs: ids };
}

/** The core row again: the target's part, the unit's row and its inputs (the versions its ids name, in order). */
export function coreRowOfUnitRow(target: TargetPart, row: UnitRow, inputs: CoreVintage[]): CoreRow {
  const { actual, ...rest } = row;
  return {
    targetId: target.targetId,
    indicator: target.indicator,
    target: target.target,
    reported: target.reported,
    actual,
    inputs,
    ...rest,
  };
}
