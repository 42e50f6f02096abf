// Open formats over HTTP, on both databases: a whole plan as one JSON document (the plan owner's and the
// administrator's), a tenant's backup and its restore (the administrator's, of their own tenant), OC4IDS; each
// download and upload audited. And ids fitted on import: a plan exported from database A imports into database B,
// which already holds the same tenant under other ids with another plan, and evaluates to the same rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/services/context.ts';
import { addVintage } from '../../src/services/observations/add-vintage.ts';
import { testDatabases } from '../helpers/databases.ts';
import { call, login, openApi, seedTenant, type Api, type Session, type Tenant } from './api-helpers.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const NOW = new Date('2026-11-29T03:00:00Z');

async function auditCount(api: Api, tenantId: string, action: string): Promise<number> {
  const rows = await api.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1 AND action = $2',
    [tenantId, action],
  );
  return rows[0]?.n ?? -1;
}

/** The plan's evaluation rows with every id blanked: the ids of the tenant's own rows differ between databases. */
async function evaluationRows(api: Api, session: Session, planCode: string): Promise<string> {
  const res = await call(api.app, session, {
    method: 'GET',
    url: `/api/plans/${planCode}/evaluations?asOf=2026-11-29`,
  });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { rows?: unknown[]; items?: unknown[] };
  const rows = (body.rows ?? body.items ?? []) as unknown[];
  expect(rows.length).toBeGreaterThan(0);
  return JSON.stringify(rows).replace(UUID, 'ID').replaceAll(planCode, 'PLAN');
}

describe.each(testDatabases)('plan documents, backup and OC4IDS over HTTP on $name', (database) => {
  let a: Api;
  let b: Api;
  let ta: Tenant;
  let tb: Tenant;
  beforeAll(async () => {
    a = await openApi(database);
    b = await openApi(database);
    ta = await seedTenant(a.db, 'doc');
    await addVintage({
      ctx: { db: a.db, actor: systemActor('test', ta.id), now: () => NOW },
      input: {
        planCode: ta.planCode,
        indicatorCode: 'I1',
        period: '2025',
        value: '97',
        status: 'official',
        source: 'Niên giám thống kê 2025',
        publishedOn: '2026-03-31',
      },
    });
    // Database B holds the same tenant (its code) under its own ids, with its units and agencies, and another plan.
    tb = await seedTenant(b.db, 'other');
    await b.db.query('UPDATE tenants SET code = $2 WHERE id = $1', [tb.id, ta.code]);
  }, 240_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('gives the plan document to the plan owner (audited), not to a reader; the document imports into another database that holds the same tenant and another plan, and evaluates to the same rows', async () => {
    const owner = await login(a.app, ta.users.plan_owner.email);
    const reader = await login(a.app, ta.users.reader.email);
    const refused = await call(a.app, reader, { method: 'GET', url: `/api/plans/${ta.planCode}/document.json` });
    expect(refused.statusCode).toBe(403);
    const before = await auditCount(a, ta.id, 'export');
    const res = await call(a.app, owner, { method: 'GET', url: `/api/plans/${ta.planCode}/document.json` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['content-disposition']).toContain(`${ta.planCode}.chitieu.json`);
    const doc = res.json() as { format: string; tenant: string; plan: string };
    expect(doc).toMatchObject({ format: 'chitieu-plan-document/1', tenant: ta.code, plan: ta.planCode });
    expect(await auditCount(a, ta.id, 'export')).toBe(before + 1);

    // Into database B, by B's plan owner (the same tenant code there): ids fitted, nothing duplicated.
    const ownerB = await login(b.app, tb.users.plan_owner.email);
    const readerB = await login(b.app, tb.users.reader.email);
    const notAllowed = await call(b.app, readerB, { method: 'POST', url: '/api/imports/plan-document', payload: doc });
    expect(notAllowed.statusCode).toBe(403);
    const imported = await call(b.app, ownerB, { method: 'POST', url: '/api/imports/plan-document', payload: doc });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toMatchObject({ tenant: ta.code, plan: ta.planCode });
    const plans = await b.db.query<{ code: string }>('SELECT code FROM plans WHERE tenant_id = $1 ORDER BY code', [
      tb.id,
    ]);
    expect(plans.map((p) => p.code)).toEqual([tb.planCode, ta.planCode].sort());
    // The tenant's province and agencies are B's own rows, not second copies.
    const units = await b.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM units WHERE tenant_id = $1 AND code = '31'",
      [tb.id],
    );
    expect(units).toEqual([{ n: 1 }]);
    const targetUnits = await b.db.query<{ unit_id: string }>(
      'SELECT DISTINCT t.unit_id FROM targets t JOIN plans p ON p.id = t.plan_id WHERE p.code = $1',
      [ta.planCode],
    );
    expect(targetUnits).toEqual([{ unit_id: tb.unitId }]);
    const agencies = await b.db.query<{ n: number }>('SELECT count(*)::int AS n FROM agencies WHERE tenant_id = $1', [
      tb.id,
    ]);
    expect(agencies).toEqual([{ n: 2 }]);
    expect(await auditCount(b, tb.id, 'import')).toBeGreaterThanOrEqual(1);

    expect(await evaluationRows(b, ownerB, ta.planCode)).toBe(await evaluationRows(a, owner, ta.planCode));
    // The same file again is refused: the plan is there.
    const again = await call(b.app, ownerB, { method: 'POST', url: '/api/imports/plan-document', payload: doc });
    expect(again.statusCode).toBe(409);
  }, 240_000);

  it("gives the tenant's backup to its administrator only (audited, no password hashes), restores it, and serves OC4IDS", async () => {
    const admin = await login(a.app, ta.users.admin.email);
    const owner = await login(a.app, ta.users.plan_owner.email);
    expect((await call(a.app, owner, { method: 'GET', url: '/api/backup' })).statusCode).toBe(403);
    expect((await call(a.app, null, { method: 'GET', url: '/api/backup' })).statusCode).toBe(401);
    const before = await auditCount(a, ta.id, 'backup');
    const res = await call(a.app, admin, { method: 'GET', url: '/api/backup' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).not.toContain('argon2');
    const backup = res.json() as { format: string; tenant: string };
    expect(backup).toMatchObject({ format: 'chitieu-tenant-backup/1', tenant: ta.code });
    expect(await auditCount(a, ta.id, 'backup')).toBe(before + 1);

    // A plan owner cannot restore; the administrator replaces the tenant with its backup.
    expect((await call(a.app, owner, { method: 'POST', url: '/api/restore', payload: backup })).statusCode).toBe(403);
    const restored = await call(a.app, admin, { method: 'POST', url: '/api/restore', payload: backup });
    expect(restored.statusCode, restored.body).toBe(200);
    const out = restored.json() as { replaced: boolean; oneTimePasswords: { email: string }[] };
    expect(out.replaced).toBe(true);
    expect(out.oneTimePasswords.map((p) => p.email)).toEqual([ta.users.admin.email]);
    expect(await auditCount(a, ta.id, 'replace')).toBe(1);

    const oc4ids = await call(a.app, null, { method: 'GET', url: `/api/plans/${ta.planCode}/oc4ids.json` });
    expect(oc4ids.statusCode, oc4ids.body).toBe(200);
    const pkg = oc4ids.json() as { projects: { title: string }[] };
    expect(pkg.projects.map((p) => p.title).sort()).toEqual(['Dự án P1', 'Dự án P2']);
  }, 240_000);
});
