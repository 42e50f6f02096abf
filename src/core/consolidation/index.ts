// Aggregation over units as data: declared methods, the aggregate of one period, and merged units' baselines.
export * from './method.ts';
export * from './aggregate.ts';
export * from './baseline.ts';
export * from './to-observation.ts';
export * from './declaration.ts';
export * from './totals.ts';
export * from './split-target.ts';
export * from './series-names.ts';
