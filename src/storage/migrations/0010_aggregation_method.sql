-- How an indicator's figures combine over units, as data (src/core/consolidation/method.ts AggregationMethod,
-- validated by validateMethod before it is written), and how the base-year figure of a merged unit is found in its
-- former units' plans (which plan and indicator holds each former unit's figure, the stated consolidated figure).
-- Null: not declared (the coarse aggregation_over_units text stays for what it was).
ALTER TABLE indicators ADD COLUMN aggregation_method jsonb
  CHECK (aggregation_method IS NULL OR jsonb_typeof(aggregation_method) = 'object');
ALTER TABLE indicators ADD COLUMN baseline_consolidation jsonb
  CHECK (baseline_consolidation IS NULL OR jsonb_typeof(baseline_consolidation) = 'object');
