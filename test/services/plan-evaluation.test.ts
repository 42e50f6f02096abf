// The plan evaluation read path on both databases: which figure counts (never the order of entry), four eyes on
// vintages, reads served from storage, and every write that can change an evaluation visible on the next read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, type Actor, type Role, type ServiceContext } from '../../src/services/context.ts';
import { evaluatePlan } from '../../src/services/evaluations/evaluate-plan.ts';
import { recordOverride } from '../../src/services/evaluations/record-override.ts';
import { addVintage, type AddVintageInput } from '../../src/services/observations/add-vintage.ts';
import { approveObservation } from '../../src/services/observations/approve-observation.ts';
import { editTarget } from '../../src/services/reference/edit-target.ts';
import { endUnit } from '../../src/services/reference/end-unit.ts';
import type { Db } from '../../src/storage/db.ts';
import { seedTenant, type Tenant } from '../api/api-helpers.ts';
import { createTenant, openMigrated, testDatabases } from '../helpers/databases.ts';

const NOW = new Date('2026-11-25T00:00:00Z');

function userActor(t: Tenant, role: Role, roles: Role[] = [role]): Actor {
  return { kind: 'user', userId: t.users[role].id, label: role, tenantId: t.id, roles, agencyId: null };
}

const vintage = (t: Tenant, v: Partial<AddVintageInput>): AddVintageInput => ({
  planCode: t.planCode,
  indicatorCode: 'I1',
  period: '2025',
  value: '96',
  status: 'estimate',
  source: 'Báo cáo thử',
  publishedOn: '2026-01-10',
  ...v,
});

describe.each(testDatabases)('plan evaluation on $name', (tdb) => {
  let db: Db;
  beforeAll(async () => {
    db = await openMigrated(tdb);
  });
  afterAll(async () => {
    await db.close();
  });

  const ctxAs = (actor: Actor): ServiceContext => ({ db, actor, now: () => NOW });
  const row = async (t: Tenant) => {
    const view = await evaluatePlan({ ctx: ctxAs(systemActor('test', t.id)), input: { planCode: t.planCode } });
    const r = view.rows.find((x) => x.indicator.code === 'I1');
    if (!r) throw new Error('no row I1');
    return r;
  };
  /** Records a vintage as the plan owner; one that awaits review is approved by the approver (four eyes). */
  const record = async (t: Tenant, v: Partial<AddVintageInput>): Promise<void> => {
    const added = await addVintage({ ctx: ctxAs(userActor(t, 'plan_owner')), input: vintage(t, v) });
    if (added.workflowState === 'approved') return;
    const [obs] = await db.query<{ version: number }>('SELECT version FROM observations WHERE id = $1', [
      added.observationId,
    ]);
    await approveObservation({
      ctx: ctxAs(userActor(t, 'approver')),
      input: { id: added.observationId, ifMatch: obs?.version ?? null, comment: null },
    });
  };

  // The official figure (94: not met) was published on the same day as a preliminary one (97) and after an
  // estimate (96): whatever the order they are typed in, the official figure counts.
  const figures: Partial<AddVintageInput>[] = [
    { value: '96', status: 'estimate', publishedOn: '2026-01-10' },
    { value: '97', status: 'preliminary', publishedOn: '2026-11-20' },
    { value: '94', status: 'official', publishedOn: '2026-11-20' },
  ];
  const orders = [
    [0, 1, 2],
    [0, 2, 1],
    [1, 0, 2],
    [1, 2, 0],
    [2, 0, 1],
    [2, 1, 0],
  ];
  it.each(orders)(
    'the figure that counts is the latest published, then the most final stage, whatever the order of entry (%i, %i, %i)',
    async (...order: number[]) => {
      const t = await seedTenant(db);
      for (const i of order) await record(t, figures[i] as Partial<AddVintageInput>);
      const r = await row(t);
      expect(r.inputs.map((v) => [v.status, v.value])).toEqual([['official', '94']]);
      expect(r.status).toBe('not_met');
    },
  );

  it('four eyes: an estimate entered by one person moves nothing until another approves it, and its author may not', async () => {
    const t = await seedTenant(db);
    const before = await row(t);
    expect(before.status).toBe('no_data');
    const added = await addVintage({ ctx: ctxAs(userActor(t, 'plan_owner')), input: vintage(t, {}) });
    expect(added).toMatchObject({ workflowState: 'submitted', changes: [] });
    expect((await row(t)).status).toBe('no_data');
    const [obs] = await db.query<{ version: number }>('SELECT version FROM observations WHERE id = $1', [
      added.observationId,
    ]);
    const approve = (actor: Actor) =>
      approveObservation({
        ctx: ctxAs(actor),
        input: { id: added.observationId, ifMatch: obs?.version ?? null, comment: null },
      });
    // The plan owner who entered it also holds the approver role here: still refused.
    await expect(approve(userActor(t, 'plan_owner', ['plan_owner', 'approver']))).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect((await row(t)).status).toBe('no_data');
    await approve(userActor(t, 'approver'));
    const after = await row(t);
    expect(after).toMatchObject({ status: 'exceeded', actual: { value: '96', estimate: true } });
  });

  it('reads are served from the stored evaluation: a figure written behind the services is not seen until a write recomputes', async () => {
    const t = await seedTenant(db);
    await record(t, { value: '96', status: 'official', publishedOn: '2026-03-01' });
    expect((await row(t)).status).toBe('exceeded');
    // Written straight into the table, as no service would: no recompute, so the stored answer stays.
    await db.query(
      `INSERT INTO observation_versions (tenant_id, observation_id, seq, value, status, measure, workflow_state, published_on)
       SELECT tenant_id, id, 99, 90, 'official', 'share', 'approved', '2026-10-01' FROM observations WHERE tenant_id = $1`,
      [t.id],
    );
    expect((await row(t)).actual.value).toBe('96');
    // An evaluation asked for on other terms is computed and sees it.
    const asked = await evaluatePlan({
      ctx: ctxAs(systemActor('test', t.id)),
      input: { planCode: t.planCode, publishedOn: '2026-11-24' },
    });
    expect(asked.computedAt).toBeNull();
    expect(asked.rows.find((r) => r.indicator.code === 'I1')?.actual.value).toBe('90');
  });

  it('every write that can change an evaluation shows on the next read: vintage, approval, override, target edit', async () => {
    const t = await seedTenant(db);
    expect((await row(t)).status).toBe('no_data');
    // A vintage (an official publication counts as recorded).
    await addVintage({
      ctx: ctxAs(userActor(t, 'plan_owner')),
      input: vintage(t, { value: '97', status: 'official', publishedOn: '2026-02-01' }),
    });
    expect((await row(t)).actual.value).toBe('97');
    // An approval.
    await record(t, { value: '93', status: 'preliminary', publishedOn: '2026-05-01' });
    expect(await row(t)).toMatchObject({ status: 'not_met', actual: { value: '93' } });
    // An override.
    await recordOverride({
      ctx: ctxAs(userActor(t, 'plan_owner')),
      input: { planCode: t.planCode, indicatorCode: 'I1', status: 'met', reason: 'Theo kết luận của Thường trực' },
    });
    expect(await row(t)).toMatchObject({ status: 'met', override: { original: 'not_met' } });
    // A target edit (the override stays in force, the computed verdict under it moves).
    await editTarget({
      ctx: ctxAs(userActor(t, 'plan_owner')),
      input: {
        planCode: t.planCode,
        indicatorCode: 'I1',
        spec: {
          kind: 'threshold',
          direction: 'higher_better',
          term: { firstYear: 2025, lastYear: 2030 },
          op: '>',
          value: '90',
          year: 2025,
          precision: 0,
        } as never,
        text: 'trên 90%',
        reason: 'Sửa theo nghị quyết điều chỉnh',
      },
    });
    const edited = await row(t);
    expect(edited.target.text).toBe('trên 90%');
    expect(edited.override?.original).toBe('exceeded');
  });

  it('a unit change shows on the next read: a commune that stops existing leaves the count of units meeting a standard', async () => {
    const tenant = await createTenant(db);
    const one = async (sql: string, p: unknown[]): Promise<string> =>
      ((await db.query<{ id: string }>(sql, p))[0] as { id: string }).id;
    const city = await one(
      `INSERT INTO units (tenant_id, code, name, level) VALUES ($1,'31','Thành phố thử','province') RETURNING id`,
      [tenant.id],
    );
    const communes: [string, string][] = [
      ['11311', '1'],
      ['11312', '1'],
      ['11313', '1'],
      ['11314', '0'],
    ];
    const plan = await one(
      `INSERT INTO plans (tenant_id, code, name, unit_id, first_year, last_year) VALUES ($1,'ntm','Kế hoạch thử',$2,2026,2026) RETURNING id`,
      [tenant.id, city],
    );
    const ind = await one(
      `INSERT INTO indicators (tenant_id, plan_id, code, name, unit_of_measure, measure) VALUES ($1,$2,'1','Tỷ lệ xã đạt chuẩn','%','share') RETURNING id`,
      [tenant.id, plan],
    );
    const spec = {
      kind: 'units_meeting_standard',
      direction: 'higher_better',
      term: { firstYear: 2026, lastYear: 2026 },
      share: '70',
      standard: 'nông thôn mới',
      year: 2026,
    };
    await db.query(
      `INSERT INTO targets (tenant_id, plan_id, indicator_id, unit_id, kind, spec, text, first_year, last_year) VALUES ($1,$2,$3,$4,'units_meeting_standard',$5,'70% số xã',2026,2026)`,
      [tenant.id, plan, ind, city, JSON.stringify(spec)],
    );
    for (const [code, done] of communes) {
      const unit = await one(
        `INSERT INTO units (tenant_id, code, name, level, parent_id) VALUES ($1,$2,$3,'commune',$4) RETURNING id`,
        [tenant.id, code, `Xã ${code}`, city],
      );
      const obs = await one(
        `INSERT INTO observations (tenant_id, indicator_id, unit_id, period) VALUES ($1,$2,$3,'2026') RETURNING id`,
        [tenant.id, ind, unit],
      );
      await db.query(
        `INSERT INTO observation_versions (tenant_id, observation_id, seq, value, status, measure, workflow_state) VALUES ($1,$2,1,$3,'official','done','approved')`,
        [tenant.id, obs, done],
      );
    }
    const ctx: ServiceContext = {
      db,
      actor: systemActor('test', tenant.id),
      now: () => new Date('2027-06-30T00:00:00Z'),
    };
    const read = async () => (await evaluatePlan({ ctx, input: { planCode: 'ntm' } })).rows[0];
    expect(await read()).toMatchObject({ status: 'exceeded', unitCounts: [{ count: 3, of: 4 }] });
    await endUnit({ ctx, input: { unitCode: '11311', validTo: '2026-06-30', reason: 'Sáp nhập' } });
    expect(await read()).toMatchObject({ status: 'not_met', unitCounts: [{ count: 2, of: 3 }] });
  });
});
