// Vintages and overrides over HTTP, on the bundled dataset: a plan owner's official figure flips a verdict, the
// "as published on" evaluation keeps the old one, the change is listed, and only plan owners and admins may write.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatasetFolder } from '../../src/imports/dataset-folder.ts';
import { hashPassword } from '../../src/services/auth/secrets.ts';
import { systemActor, type Role } from '../../src/services/context.ts';
import { importDataset } from '../../src/services/dataset/import-dataset.ts';
import { testDatabases } from '../helpers/databases.ts';
import { PASSWORD, call, login, openApi, type Api, type Session } from './api-helpers.ts';

const DATA = path.resolve(import.meta.dirname, '../../data');
const PLAN = 'hai-phong-2020-2025';

interface EvaluationRow {
  indicator: { code: string };
  status: string | null;
  inputs: { status: string; value: string }[];
}

describe.each(testDatabases)('vintages and overrides over HTTP on $name', (database) => {
  let api: Api;
  const sessions = {} as Record<'plan_owner' | 'agency_editor' | 'reader' | 'admin', Session>;
  beforeAll(async () => {
    api = await openApi(database);
    await importDataset({
      ctx: { db: api.db, actor: systemActor('test'), now: () => new Date('2026-11-25T00:00:00Z') },
      input: readDatasetFolder(DATA),
    });
    const plan = (await api.db.query<{ tenant_id: string }>('SELECT tenant_id FROM plans WHERE code = $1', [PLAN]))[0];
    if (!plan) throw new Error(`no plan ${PLAN}`);
    const agencyId =
      (
        await api.db.query<{ id: string }>(
          `INSERT INTO agencies (tenant_id, code, name) VALUES ($1, 'so-tc-test', 'Sở Tài chính') RETURNING id`,
          [plan.tenant_id],
        )
      )[0]?.id ?? null;
    const hash = await hashPassword(PASSWORD);
    for (const role of Object.keys({ plan_owner: 1, agency_editor: 1, reader: 1, admin: 1 }) as (keyof typeof sessions &
      Role)[]) {
      const email = `${role}@vintages.test`;
      const id = (
        await api.db.query<{ id: string }>(
          'INSERT INTO users (tenant_id, email, display_name, password_hash, agency_id) VALUES ($1,$2,$3,$4,$5) RETURNING id',
          [plan.tenant_id, email, role, hash, role === 'agency_editor' ? agencyId : null],
        )
      )[0]?.id;
      await api.db.query('INSERT INTO user_roles (tenant_id, user_id, role) VALUES ($1,$2,$3)', [
        plan.tenant_id,
        id,
        role,
      ]);
      sessions[role] = await login(api.app, email);
    }
  }, 180_000);
  afterAll(async () => api?.close());

  const row = async (query: string): Promise<EvaluationRow> => {
    const res = await call(api.app, sessions.reader, {
      method: 'GET',
      url: `/api/plans/${PLAN}/evaluations?asOf=2026-11-25${query}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = (res.json() as { rows: EvaluationRow[] }).rows.find((x) => x.indicator.code === '1');
    if (!r) throw new Error('no row for indicator 1');
    return r;
  };
  const vintage = {
    indicatorCode: '1',
    period: '2021-2025',
    value: '14.6',
    status: 'official',
    source: 'Niên giám thống kê 2025, Cục Thống kê thành phố',
    publishedOn: '2026-11-20',
  };

  it('an agency editor, a reader and the public may not add a vintage or an override, and nothing is written', async () => {
    const audit = async () => (await api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))[0]?.n;
    const before = await audit();
    for (const who of [sessions.agency_editor, sessions.reader]) {
      expect(
        (await call(api.app, who, { method: 'POST', url: `/api/plans/${PLAN}/vintages`, payload: vintage })).statusCode,
      ).toBe(403);
      expect(
        (
          await call(api.app, who, {
            method: 'POST',
            url: `/api/plans/${PLAN}/overrides`,
            payload: { indicatorCode: '1', status: 'met', reason: 'x' },
          })
        ).statusCode,
      ).toBe(403);
    }
    expect(
      (await call(api.app, null, { method: 'POST', url: `/api/plans/${PLAN}/vintages`, payload: vintage })).statusCode,
    ).toBe(401);
    expect(await audit()).toBe(before);
    expect((await row('')).status).toBe('not_met');
  });

  it('a plan owner adds the official figure: the verdict moves from not met to exceeded, the estimate stays as published, the change is listed and audited', async () => {
    const res = await call(api.app, sessions.plan_owner, {
      method: 'POST',
      url: `/api/plans/${PLAN}/vintages`,
      payload: vintage,
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as {
      observationId: string;
      seq: number;
      changes: {
        indicator: { code: string };
        before: { status: string } | null;
        after: { status: string; value: string };
      }[];
    };
    expect(body.seq).toBe(2);
    expect(body.changes).toHaveLength(1);
    expect(body.changes[0]).toMatchObject({
      indicator: { code: '1' },
      before: { status: 'not_met' },
      after: { status: 'exceeded', value: '14.6' },
    });

    const latest = await row('');
    expect(latest.status).toBe('exceeded');
    expect(latest.inputs.map((v) => [v.status, v.value])).toEqual([['official', '14.6']]);
    const asPublished = await row('&publishedOn=2026-11-19');
    expect(asPublished.status).toBe('not_met');
    expect(asPublished.inputs.map((v) => v.status)).toEqual(['estimate']);

    const changes = await call(api.app, sessions.reader, {
      method: 'GET',
      url: `/api/plans/${PLAN}/evaluation-changes`,
    });
    expect(changes.statusCode, changes.body).toBe(200);
    expect((changes.json() as { items: unknown[] }).items[0]).toMatchObject({
      indicator: { code: '1' },
      before: { status: 'not_met' },
      after: { status: 'exceeded' },
      cause: { status: 'official', value: '14.6', publishedOn: '2026-11-20' },
    });

    const audit = await call(api.app, sessions.admin, {
      method: 'GET',
      url: `/api/audit-log?entity=observation&entityId=${body.observationId}`,
    });
    expect((audit.json() as { items: { action: string; actor: { label: string } }[] }).items[0]).toMatchObject({
      action: 'add_vintage',
      actor: { label: 'plan_owner@vintages.test' },
    });
  });

  it('a plan owner records an override with its reason, audited; a number for the reason is refused', async () => {
    const wrong = await call(api.app, sessions.plan_owner, {
      method: 'POST',
      url: `/api/plans/${PLAN}/overrides`,
      payload: { indicatorCode: '1', status: 'met', reason: 5 },
    });
    expect(wrong.statusCode).toBe(400);
    expect((wrong.json() as { errors: { path: string }[] }).errors[0]?.path).toBe('body/reason');
    const res = await call(api.app, sessions.plan_owner, {
      method: 'POST',
      url: `/api/plans/${PLAN}/overrides`,
      payload: { indicatorCode: '1', status: 'met', reason: 'Theo báo cáo tổng kết nhiệm kỳ' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const audit = (
      await call(api.app, sessions.admin, { method: 'GET', url: '/api/audit-log?entity=target' })
    ).json() as { items: { action: string; reason: string }[] };
    expect(audit.items[0]).toMatchObject({ action: 'override', reason: 'Theo báo cáo tổng kết nhiệm kỳ' });
  });

  it('a vintage that is not a figure is refused, naming the field', async () => {
    const res = await call(api.app, sessions.plan_owner, {
      method: 'POST',
      url: `/api/plans/${PLAN}/vintages`,
      payload: { ...vintage, value: '14,6,1' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid_figure', errors: [{ path: 'value' }] });
  });
});
