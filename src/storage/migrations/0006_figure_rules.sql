-- What an indicator declares about its figures (core/checks/figure-checks.ts FigureRules): a hard range (an index
-- on 0–1, a share allowed above 100), a plausible range that asks for a confirmation, the decimals it publishes.
ALTER TABLE indicators ADD COLUMN figure_rules jsonb NOT NULL DEFAULT '{}';
