-- The record of a figures import (issue 18): what the import's answer cannot hold for a large file. The answer gives
-- the counts, every refused cell and the first accepted rows; the whole list of accepted rows, in the file's order,
-- is kept here and read a page at a time (GET /api/imports/{id}/figures). One row per import that ran to the end
-- (a dry run or a refused import stores nothing: the refused one is rolled back with its figures).
CREATE TABLE figure_imports (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  actor_id uuid,
  actor_label text NOT NULL,
  -- the importer's agency (an agency editor sees its own agency's imports)
  agency_id uuid REFERENCES agencies(id),
  file_sha256 text,
  at timestamptz NOT NULL DEFAULT now(),
  rows integer,
  counts jsonb
);
CREATE INDEX figure_imports_tenant ON figure_imports (tenant_id, at);

-- The accepted rows in chunks of a few thousand (one statement per chunk, written beside each batch of figures while
-- the import runs, so the importing process never holds the whole list): `rows` is a JSON array of
-- [sheet, row, indicator, unit, period, value, stage, outcome], `first` the position (from 0) of its first element.
-- json, not jsonb: the chunk is only kept and read back whole, and storing 5,000 rows as json costs the database
-- about half of what jsonb does (10–13 ms against 27 ms, measured in bench/README.md, issue 18).
CREATE TABLE figure_import_accepted (
  import_id uuid NOT NULL REFERENCES figure_imports(id),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  first integer NOT NULL CHECK (first >= 0),
  n integer NOT NULL CHECK (n > 0),
  rows json NOT NULL,
  PRIMARY KEY (import_id, first)
);
