// The reference writes: an admin adds an agency and gives it an indicator, after which that agency's editor may
// enter the indicator's figures; both are audited, and another tenant's indicator or agency is not found.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../helpers/databases.ts';
import { call, login, openApi, seedTenant, type Api, type Session, type Tenant } from './api-helpers.ts';

describe.each(testDatabases)('agencies and indicator owners over HTTP on $name', (database) => {
  let api: Api;
  let t: Tenant;
  let b: Tenant;
  let admin: Session;
  let editor: Session;
  beforeAll(async () => {
    api = await openApi(database);
    t = await seedTenant(api.db);
    b = await seedTenant(api.db, 'b');
    admin = await login(api.app, t.users.admin.email);
    editor = await login(api.app, t.users.agency_editor.email);
  }, 120_000);
  afterAll(async () => api?.close());

  it('giving an indicator to an agency lets that agency’s editor enter its figures, and both writes are audited', async () => {
    const enter = () =>
      call(api.app, editor, {
        method: 'POST',
        url: '/api/observations',
        payload: { indicatorId: t.indicators.other, unitId: t.unitId, period: '2026', value: '1', status: 'estimate' },
      });
    expect((await enter()).statusCode).toBe(403);
    const agency = await call(api.app, admin, {
      method: 'POST',
      url: '/api/agencies',
      payload: { code: 'so-kh-dt', name: 'Sở Kế hoạch và Đầu tư' },
    });
    expect(agency.statusCode, agency.body).toBe(201);
    expect(
      (
        await call(api.app, admin, {
          method: 'POST',
          url: '/api/agencies',
          payload: { code: 'so-kh-dt', name: 'Trùng' },
        })
      ).statusCode,
    ).toBe(409);
    const assigned = await call(api.app, admin, {
      method: 'PATCH',
      url: `/api/indicators/${t.indicators.other}`,
      payload: { ownerAgencyId: t.agencies.own.id },
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect((await enter()).statusCode).toBe(201);
    const audit = (
      await call(api.app, admin, {
        method: 'GET',
        url: `/api/audit-log?entity=indicator&entityId=${t.indicators.other}`,
      })
    ).json() as { items: { action: string; before: unknown; after: unknown }[] };
    expect(audit.items[0]).toMatchObject({
      action: 'assign_agency',
      before: { ownerAgencyId: t.agencies.other.id },
      after: { ownerAgencyId: t.agencies.own.id },
    });
    const created = (await call(api.app, admin, { method: 'GET', url: '/api/audit-log?entity=agency' })).json() as {
      items: { action: string }[];
    };
    expect(created.items.map((a) => a.action)).toEqual(['create']);
  });

  it('another tenant’s indicator or agency is not found', async () => {
    expect(
      (
        await call(api.app, admin, {
          method: 'PATCH',
          url: `/api/indicators/${b.indicators.own}`,
          payload: { ownerAgencyId: null },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await call(api.app, admin, {
          method: 'PATCH',
          url: `/api/indicators/${t.indicators.own}`,
          payload: { ownerAgencyId: b.agencies.own.id },
        })
      ).statusCode,
    ).toBe(404);
  });
});
