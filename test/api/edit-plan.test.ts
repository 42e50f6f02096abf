// A plan owner corrects the plan's own words (its name and description) over HTTP, on both databases: with a reason,
// audited before and after, the version incremented; the plan's page, the plan list and the public evaluations show
// the new name on the next read (the cached public answers are checked against the plan's row); an edit made on an
// older version is refused (412), an empty name is a 400 naming the field, and a reader or the public may not edit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../helpers/databases.ts';
import { call, login, openApi, seedTenant, type Api, type Session, type Tenant } from './api-helpers.ts';

describe.each(testDatabases)("editing a plan's own words over HTTP on $name", (database) => {
  let api: Api;
  let t: Tenant;
  let owner: Session;
  let reader: Session;
  beforeAll(async () => {
    api = await openApi(database);
    t = await seedTenant(api.db);
    owner = await login(api.app, t.users.plan_owner.email);
    reader = await login(api.app, t.users.reader.email);
  }, 120_000);
  afterAll(async () => api?.close());

  const edit = (who: Session | null, payload: object, ifMatch?: number) =>
    call(api.app, who, {
      method: 'PATCH',
      url: `/api/plans/${t.planCode}`,
      payload,
      ...(ifMatch === undefined ? {} : { headers: { 'if-match': `"${ifMatch}"` } }),
    });
  const plan = async () =>
    (await call(api.app, owner, { method: 'GET', url: `/api/plans/${t.planCode}` })).json() as {
      name: string;
      description: string | null;
      version: number;
    };

  it('renames the plan with a reason: version 2, audited, and every read shows the new name at once', async () => {
    const before = await plan();
    // The public answers are read (and kept) before the edit, so the test sees that they are not served stale.
    const publicEval = async () =>
      (await call(api.app, null, { method: 'GET', url: `/api/plans/${t.planCode}/evaluations` })).json() as {
        plan: { name: string };
      };
    const publicList = async () =>
      ((await call(api.app, null, { method: 'GET', url: '/api/plans' })).json() as { items: { name: string }[] }).items;
    expect((await publicEval()).plan.name).toBe(before.name);
    const signedInName = async () =>
      (
        (await call(api.app, owner, { method: 'GET', url: `/api/plans/${t.planCode}/evaluations` })).json() as {
          plan: { name: string };
        }
      ).plan.name;
    expect(await signedInName()).toBe(before.name);
    expect((await publicList()).map((p) => p.name)).toContain(before.name);

    const res = await edit(
      owner,
      { name: 'Nghị quyết (đã đính chính tên)', description: 'Mô tả mới', reason: 'Đính chính theo văn bản gốc' },
      before.version,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: before.version + 1, changed: ['name', 'description'] });
    expect(res.headers.etag).toBe(`"${before.version + 1}"`);

    const after = await plan();
    expect(after).toMatchObject({ name: 'Nghị quyết (đã đính chính tên)', description: 'Mô tả mới' });
    expect(after.version).toBe(before.version + 1);
    expect((await publicEval()).plan.name).toBe('Nghị quyết (đã đính chính tên)');
    expect(await signedInName()).toBe('Nghị quyết (đã đính chính tên)');
    expect((await publicList()).map((p) => p.name)).toContain('Nghị quyết (đã đính chính tên)');

    const audit = await api.db.query<{ action: string; reason: string; before: unknown; after: unknown }>(
      `SELECT action, reason, before, after FROM audit_log WHERE tenant_id = $1 AND entity = 'plan' ORDER BY at`,
      [t.id],
    );
    expect(audit.at(-1)).toMatchObject({
      action: 'edit',
      reason: 'Đính chính theo văn bản gốc',
      before: { version: before.version, name: before.name, description: before.description },
      after: { version: before.version + 1, name: 'Nghị quyết (đã đính chính tên)', description: 'Mô tả mới' },
    });
  });

  it('refuses an edit made on an older version, an empty name and a missing reason, changing nothing', async () => {
    const current = await plan();
    const stale = await edit(owner, { name: 'Tên khác', reason: 'Sửa' }, current.version - 1);
    expect(stale.statusCode).toBe(412);
    const empty = await edit(owner, { name: '   ', reason: 'Sửa' });
    expect(empty.statusCode).toBe(400);
    expect(JSON.stringify(empty.json())).toContain('name');
    const noReason = await edit(owner, { name: 'Tên khác' });
    expect(noReason.statusCode).toBe(400);
    expect(await plan()).toEqual(current);
  });

  it('is the plan owner’s: a reader gets 403 and the public 401', async () => {
    expect((await edit(reader, { name: 'Tên khác', reason: 'Sửa' })).statusCode).toBe(403);
    expect((await edit(null, { name: 'Tên khác', reason: 'Sửa' })).statusCode).toBe(401);
  });
});
