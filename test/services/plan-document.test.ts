// A whole plan as one JSON document and a tenant's backup: written, read back into an empty database, and written
// again give the same bytes; a tenant already present is not overwritten without being asked.
import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatasetFolder } from '../../src/imports/dataset-folder.ts';
import { backupTenant } from '../../src/services/backup/backup-tenant.ts';
import { exportPlanDocument } from '../../src/services/backup/export-plan-document.ts';
import { importPlanDocument } from '../../src/services/backup/import-plan-document.ts';
import { exportOc4ids } from '../../src/services/interchange/export-oc4ids.ts';
import { restoreTenant } from '../../src/services/backup/restore-tenant.ts';
import { verifyPassword } from '../../src/services/auth/secrets.ts';
import { systemActor, type ServiceContext } from '../../src/services/context.ts';
import { importDataset } from '../../src/services/dataset/import-dataset.ts';
import { addVintage } from '../../src/services/observations/add-vintage.ts';
import { recordStory } from '../../src/services/stories/record-story.ts';
import { createUser } from '../../src/services/users/create-user.ts';
import type { Db } from '../../src/storage/db.ts';
import { openMigrated, testDatabases } from '../helpers/databases.ts';

const DATA = path.resolve(import.meta.dirname, '../../data');
const PLAN = 'hai-duong-2020-2025';
const now = (): Date => new Date('2026-11-25T00:00:00Z');
const system = (db: Db): ServiceContext => ({ db, actor: systemActor('test'), now });

describe.each(testDatabases)('plan documents and tenant backups on $name', (tdb) => {
  let source: Db;
  let empty: Db;
  let restored: Db;
  let tenantCode = '';
  let document = '';

  beforeAll(async () => {
    [source, empty, restored] = await Promise.all([openMigrated(tdb), openMigrated(tdb), openMigrated(tdb)]);
    const all = readDatasetFolder(DATA);
    await importDataset({ ctx: system(source), input: { ...all, plans: all.plans.filter((p) => p.plan.id === PLAN) } });
    const [tenant] = await source.query<{ id: string; code: string }>('SELECT id, code FROM tenants');
    if (tenant === undefined) throw new Error('no tenant');
    tenantCode = tenant.code;
    const admin = { db: source, actor: systemActor('test', tenant.id), now };
    await createUser({
      ctx: admin,
      input: { email: 'quan.tri@example.vn', displayName: 'Quản trị', password: 'mật-khẩu-dài-123', roles: ['admin'] },
    });
    const owner = await createUser({
      ctx: admin,
      input: {
        email: 'ke.hoach@example.vn',
        displayName: 'Phòng Kế hoạch',
        password: 'mật-khẩu-dài-456',
        roles: ['plan_owner'],
      },
    });
    // The bundled Hải Dương plan lists no tasks: one with a deadline, as the plan owner would add it.
    const [plan] = await source.query<{ id: string }>('SELECT id FROM plans WHERE code = $1', [PLAN]);
    await source.query(
      `INSERT INTO tasks (tenant_id, plan_id, code, title, deadline, status) VALUES ($1, $2, '1', 'Hoàn thành quy hoạch tỉnh', '2024-06-30', 'in_progress')`,
      [tenant.id, plan?.id],
    );
    // A key project with an owner, a milestone and approved progress, as the agencies report them.
    await source.query(
      `INSERT INTO agencies (tenant_id, code, name) VALUES ($1, 'so-xay-dung', 'Sở Xây dựng') ON CONFLICT DO NOTHING`,
      [tenant.id],
    );
    await source.query(
      `UPDATE projects SET owner_agency_id = (SELECT id FROM agencies WHERE tenant_id = $1 AND code = 'so-xay-dung'),
              status = 'implementation', period_start = '2022-03-01', period_end = '2026-12-31', budget_amount = 1250000000000
        WHERE tenant_id = $1 AND code = (SELECT min(code) FROM projects WHERE tenant_id = $1)`,
      [tenant.id],
    );
    await source.query(
      `INSERT INTO project_milestones (tenant_id, project_id, code, title, status, due_date)
       SELECT tenant_id, id, 'khoi-cong', 'Khởi công', 'met', '2022-03-01' FROM projects WHERE tenant_id = $1 AND owner_agency_id IS NOT NULL`,
      [tenant.id],
    );
    await source.query(
      `INSERT INTO project_progress (tenant_id, project_id, period, physical_actual_percent, workflow_state)
       SELECT tenant_id, id, '2025-Q3', 62.5, 'approved' FROM projects WHERE tenant_id = $1 AND owner_agency_id IS NOT NULL`,
      [tenant.id],
    );
    // A later vintage of a figure, and a story told by a person: what a dataset file cannot hold.
    await addVintage({
      ctx: system(source),
      input: {
        planCode: PLAN,
        indicatorCode: '1',
        period: '2021-2025',
        value: '9.7',
        status: 'official',
        source: 'Cục Thống kê',
        publishedOn: '2026-02-01',
      },
    });
    const [target] = await source.query<{ id: string }>(
      `SELECT t.id FROM targets t JOIN indicators i ON i.id = t.indicator_id WHERE i.code = '1' AND t.tenant_id = $1`,
      [tenant.id],
    );
    await recordStory({
      ctx: {
        db: source,
        actor: {
          kind: 'user',
          userId: owner.id,
          label: 'Phòng Kế hoạch',
          tenantId: tenant.id,
          roles: ['plan_owner'],
          agencyId: null,
        },
        now,
      },
      input: {
        targetId: target?.id ?? '',
        period: '2025',
        cause: 'Giá nguyên liệu tăng',
        measures: 'Đẩy nhanh giải ngân',
        requests: 'Bổ sung vốn',
      },
    });
    document = (await exportPlanDocument({ ctx: system(source), input: { planCode: PLAN } })).text;
  }, 300_000);

  afterAll(async () => {
    await Promise.all([source.close(), empty.close(), restored.close()]);
  });

  it('holds the plan whole: every vintage, the story with its author, targets, tasks, projects and breakthroughs', () => {
    const doc = JSON.parse(document) as { tables: Record<string, { columns: string[]; rows: (string | null)[][] }> };
    const t = doc.tables;
    const rows = (name: string): (string | null)[][] => t[name]?.rows ?? [];
    expect(rows('plans')).toHaveLength(1);
    for (const name of ['indicators', 'targets', 'tasks', 'projects', 'breakthroughs', 'evaluations', 'documents'])
      expect(rows(name).length, name).toBeGreaterThan(0);
    const versions = t.observation_versions;
    const seq = versions?.columns.indexOf('seq') ?? -1;
    const value = versions?.columns.indexOf('value') ?? -1;
    expect(rows('observation_versions').some((r) => r[seq] === '2' && r[value] === '9.7')).toBe(true);
    const cause = t.target_stories?.columns.indexOf('cause') ?? -1;
    expect(rows('target_stories').map((r) => r[cause])).toEqual(['Giá nguyên liệu tăng']);
    // The author is named; no account secret travels.
    expect(t.users?.columns).toEqual(['id', 'tenant_id', 'email', 'display_name']);
    expect(rows('users').map((r) => r[3])).toEqual(['Phòng Kế hoạch']);
    expect(document).not.toContain('argon2');
  });

  it('reads back into an empty database and exports the same bytes; a second import is refused', async () => {
    const result = await importPlanDocument({ ctx: system(empty), input: { text: document } });
    expect(result.plan).toBe(PLAN);
    const again = (await exportPlanDocument({ ctx: system(empty), input: { planCode: PLAN } })).text;
    expect(again).toBe(document);
    await expect(importPlanDocument({ ctx: system(empty), input: { text: document } })).rejects.toMatchObject({
      code: 'plan_exists',
    });
    // The author came in as an account nobody can log in to.
    const [u] = await empty.query<{ active: boolean; password_hash: string }>(
      'SELECT active, password_hash FROM users',
    );
    expect(u).toEqual({ active: false, password_hash: '!' });
  });

  it('a document from another schema version is refused with the reason in both languages', async () => {
    const older = document.replace(/"schema": \d+/, '"schema": 1');
    await expect(importPlanDocument({ ctx: system(empty), input: { text: older } })).rejects.toMatchObject({
      code: 'schema_mismatch',
      messages: { vi: expect.stringContaining('lược đồ') as unknown, en: expect.stringContaining('schema') as unknown },
    });
  });

  it('exports the key projects as an OC4IDS package that the official schema accepts', async () => {
    const dir = path.resolve(import.meta.dirname, '../../vendor/oc4ids-0.9.5');
    // The official schema is draft-04: its root `id` is ajv 8's `$id` (see vendor/oc4ids-0.9.5/SOURCE.md).
    const load = (file: string): Record<string, unknown> => {
      const {
        id,
        $schema: _draft,
        ...rest
      } = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
      return { $id: id, ...rest };
    };
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajvFormats.default(ajv);
    ajv.addSchema(load('project-schema.json'));
    const validate = ajv.compile(load('project-package-schema.json'));
    const out = await exportOc4ids({ ctx: system(source), input: { planCode: PLAN } });
    const pkg = JSON.parse(out.text) as { projects: Record<string, unknown>[] };
    expect(validate(pkg), JSON.stringify(validate.errors)).toBe(true);
    expect(pkg.projects).toHaveLength(3);
    const reported = pkg.projects.find((p) => p.publicAuthority !== undefined);
    expect(reported).toMatchObject({
      status: 'implementation',
      language: 'vi',
      budget: { amount: { amount: 1250000000000, currency: 'VND' } },
      period: { startDate: '2022-03-01T00:00:00+07:00', endDate: '2026-12-31T00:00:00+07:00' },
      milestones: [{ id: 'khoi-cong', title: 'Khởi công', status: 'met' }],
      metrics: [{ id: 'physical_progress', observations: [{ id: '2025-Q3', measure: 62.5 }] }],
    });
    // A package with a broken project is refused by the same validator: the check can fail.
    expect(validate({ ...pkg, projects: [{ ...pkg.projects[0], status: 'completed' }] })).toBe(false);
  });

  it('a tenant backup restores into an empty database with the same plan, audit log and accounts without passwords', async () => {
    const backup = await backupTenant({ ctx: system(source), input: { tenantCode } });
    expect(backup.text).not.toContain('argon2');
    const out = await restoreTenant({ ctx: system(restored), input: { text: backup.text } });
    expect(out.replaced).toBe(false);
    const plan = (await exportPlanDocument({ ctx: system(restored), input: { planCode: PLAN } })).text;
    expect(plan).toBe(document);
    const count = async (db: Db): Promise<number> =>
      (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))[0]?.n ?? 0;
    expect(await count(restored)).toBe((await count(source)) + 1);
    // The active administrator gets a one-time password that opens the account; the plan owner none.
    expect(out.oneTimePasswords.map((p) => p.email)).toEqual(['quan.tri@example.vn']);
    const accounts = await restored.query<{ email: string; password_hash: string; must_change_password: boolean }>(
      'SELECT email, password_hash, must_change_password FROM users ORDER BY email',
    );
    const admin = accounts.find((a) => a.email === 'quan.tri@example.vn');
    expect(await verifyPassword(admin?.password_hash ?? '', out.oneTimePasswords[0]?.password ?? '')).toBe(true);
    expect(accounts.find((a) => a.email === 'ke.hoach@example.vn')?.password_hash).toBe('!');
    expect(accounts.every((a) => a.must_change_password)).toBe(true);

    await expect(restoreTenant({ ctx: system(restored), input: { text: backup.text } })).rejects.toMatchObject({
      code: 'tenant_exists',
    });
    const before = await count(restored);
    const replaced = await restoreTenant({ ctx: system(restored), input: { text: backup.text, replace: true } });
    expect(replaced.replaced).toBe(true);
    expect((await exportPlanDocument({ ctx: system(restored), input: { planCode: PLAN } })).text).toBe(document);
    // The audit log is append-only: the entries it already held stay once, and the replacement is recorded.
    expect(await count(restored)).toBe(before + 1);
  });
});
