// Public surface of the plan evaluation: the snapshot it reads, the rows it returns, the pure function between.
export * from './core-row.ts';
export * from './snapshot.ts';
export { notCountedReasons, type NotCounted } from './counted.ts';
export {
  baseRow,
  countRows,
  evaluatePlanSnapshot,
  evaluateTargetAtUnitRows,
  evaluateTargetAtUnits,
  type TargetPart,
} from './evaluate-plan-snapshot.ts';
export { unitShares, type UnitShare } from './unit-shares.ts';
export {
  basePeriodNeeded,
  CONSOLIDATED_VERSION_PREFIX,
  useBaseline,
  type BaselineInputUse,
  type BaselineUse,
  type SnapshotBaseline,
} from './baseline-use.ts';
export { coreRowOfUnitRow, UNIT_ROW_SCHEMA_VERSION, unitRowOf, type UnitRow } from './unit-row.ts';
