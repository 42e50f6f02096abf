-- A plan's own words (its name and description) edited with history, as its outline items are: each edit increments
-- the plan's version (the ETag a second editor must match) and writes its before and after to the audit log.
ALTER TABLE plans ADD COLUMN version integer NOT NULL DEFAULT 1;
