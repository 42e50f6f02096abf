// The units below a plan's unit (communes, wards, special zones) with their validity, and which of them report
// meeting a standard ("done" = 1) for an indicator: what "55/67 xã" is computed from.
import type { Queryable } from '../db.ts';

export interface ChildUnitRow {
  [k: string]: unknown;
  id: string;
  code: string;
  name: string;
  level: string;
  valid_from: string | null;
  valid_to: string | null;
}

export async function loadChildUnits(db: Queryable, tenantId: string, parentUnitId: string): Promise<ChildUnitRow[]> {
  return db.query<ChildUnitRow>(
    'SELECT id, code, name, level, valid_from, valid_to FROM units WHERE tenant_id = $1 AND parent_id = $2 ORDER BY code, valid_from',
    [tenantId, parentUnitId],
  );
}
