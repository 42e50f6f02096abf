// The tenant's unit register: the units as stored, new units and lineage events of an import, and the units of a
// level as they were on a date or carried onto today's boundaries. Every query filters by tenant.
import type { Queryable } from '../db.ts';

export interface StoredUnitRow {
  [k: string]: unknown;
  id: string;
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
  valid_from: string | null;
  valid_to: string | null;
}

export async function loadTenantUnits(db: Queryable, tenantId: string): Promise<StoredUnitRow[]> {
  return db.query<StoredUnitRow>(
    `SELECT u.id, u.code, u.name, u.level, p.code AS parent_code, u.valid_from::text AS valid_from,
            u.valid_to::text AS valid_to
       FROM units u LEFT JOIN units p ON p.id = u.parent_id AND p.tenant_id = u.tenant_id
      WHERE u.tenant_id = $1
      ORDER BY u.code, u.valid_from NULLS FIRST`,
    [tenantId],
  );
}

export async function insertDocumentRow(
  db: Queryable,
  tenantId: string,
  d: { kind: string; number: string; issuedOn: string; issuer: string | null; title: string },
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    'INSERT INTO documents (tenant_id, kind, number, issued_on, issuer, title) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id',
    [tenantId, d.kind, d.number, d.issuedOn, d.issuer, d.title],
  );
  return (rows[0] as { id: string }).id;
}

export async function insertUnitRow(
  db: Queryable,
  tenantId: string,
  u: {
    code: string;
    name: string;
    level: string;
    parentId: string | null;
    validFrom: string | null;
    validTo: string | null;
    provenance: unknown;
  },
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO units (tenant_id, code, name, level, parent_id, valid_from, valid_to, provenance)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
    [tenantId, u.code, u.name, u.level, u.parentId, u.validFrom, u.validTo, JSON.stringify(u.provenance)],
  );
  return (rows[0] as { id: string }).id;
}

export async function insertLineageRow(
  db: Queryable,
  tenantId: string,
  l: { fromId: string; toId: string; event: string; date: string; documentId: string; provenance: unknown },
): Promise<void> {
  await db.query(
    `INSERT INTO unit_lineage (tenant_id, from_unit_id, to_unit_id, event, effective_on, document_id, provenance)
     VALUES ($1,$2,$3,$4,$5,$6,$7)`,
    [tenantId, l.fromId, l.toId, l.event, l.date, l.documentId, JSON.stringify(l.provenance)],
  );
}

export interface LineageRow {
  [k: string]: unknown;
  event: string;
  from_code: string;
  to_code: string;
  effective_on: string;
}

export async function loadTenantLineage(db: Queryable, tenantId: string): Promise<LineageRow[]> {
  return db.query<LineageRow>(
    `SELECT l.event, f.code AS from_code, t.code AS to_code, l.effective_on::text AS effective_on
       FROM unit_lineage l
       JOIN units f ON f.id = l.from_unit_id AND f.tenant_id = l.tenant_id
       JOIN units t ON t.id = l.to_unit_id AND t.tenant_id = l.tenant_id
      WHERE l.tenant_id = $1
      ORDER BY l.effective_on, f.code`,
    [tenantId],
  );
}

/** A tenant's id by its code (the CLI names the tenant it acts in). */
export async function findTenantId(db: Queryable, code: string): Promise<string | null> {
  const rows = await db.query<{ id: string }>('SELECT id FROM tenants WHERE code = $1', [code]);
  return rows[0]?.id ?? null;
}
