-- Plans edited with history: a plan owner edits an indicator's or a breakthrough's wording through the API, as tasks
-- and projects already could be versioned. Each edit increments the row's version (the ETag a second editor must
-- match) and writes its before and after to the audit log in the same transaction.
ALTER TABLE indicators ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE breakthroughs ADD COLUMN version integer NOT NULL DEFAULT 1;
