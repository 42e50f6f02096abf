// An indicator's figures paged by cursor (`GET /api/observations?indicatorId=…`, the indicator page and the portal):
// the one-indicator query orders by (period, id) over its own index, yet every page must be exactly the general
// list's order restricted to that indicator: each figure once, none skipped, the same cursor format, and a cursor
// made by the general list (wherever it stands, on this indicator or another) continues in the same place.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../helpers/databases.ts';
import { call, login, openApi, seedTenant, type Api, type Session, type Tenant } from './api-helpers.ts';

interface Item {
  id: string;
  indicator: { id: string };
  period: string;
  notes: { kind: string; text: string }[];
}

const SORTS = ['indicator', '-indicator', 'period', '-period'] as const;
// Periods whose text order is not their insertion order, and units inserted in between, so ids and periods cross.
const PERIODS = ['2026', '2024', '2025-M02', '2025', '2025-M01', '2023'];
const COMMUNES = ['31010', '31003', '31027'];

describe.each(testDatabases)('an indicator’s figures paged by cursor on $name', (database) => {
  let api: Api;
  let t: Tenant;
  let admin: Session;
  let first: string; // an indicator whose code (I0) sorts before I1's
  let noted: string;
  const approved = new Set<string>();
  const all: { id: string; indicatorId: string }[] = [];

  beforeAll(async () => {
    api = await openApi(database);
    t = await seedTenant(api.db);
    admin = await login(api.app, t.users.admin.email);
    const planId = (await api.db.query<{ id: string }>('SELECT id FROM plans WHERE tenant_id = $1', [t.id]))[0]?.id;
    first = (
      await api.db.query<{ id: string }>(
        `INSERT INTO indicators (tenant_id, plan_id, code, name, unit_of_measure, measure) VALUES ($1,$2,'I0','Chỉ tiêu I0','%','share') RETURNING id`,
        [t.id, planId],
      )
    )[0]?.id as string;
    const units = [t.unitId];
    for (const code of COMMUNES) {
      const id = (
        await api.db.query<{ id: string }>(
          `INSERT INTO units (tenant_id, code, name, level, parent_id) VALUES ($1,$2,$3,'commune',$4) RETURNING id`,
          [t.id, code, `Xã ${code}`, t.unitId],
        )
      )[0]?.id as string;
      units.push(id);
    }
    // Every (period, unit, indicator) slot, inserted in that order; one figure in four is still a draft (the public
    // does not see it, the tenant's admin does).
    const slots = PERIODS.flatMap((period) =>
      units.flatMap((unitId) =>
        [t.indicators.own, first, t.indicators.other].map((indicatorId) => ({ period, unitId, indicatorId })),
      ),
    );
    const ids = await api.db.query<{ id: string }>(
      `INSERT INTO observations (tenant_id, indicator_id, unit_id, period)
       SELECT $1, s.i, s.u, s.p FROM unnest($2::uuid[], $3::uuid[], $4::text[]) WITH ORDINALITY AS s(i, u, p, n)
       ORDER BY s.n RETURNING id`,
      [t.id, slots.map((s) => s.indicatorId), slots.map((s) => s.unitId), slots.map((s) => s.period)],
    );
    const byKey = new Map(
      (
        await api.db.query<{ id: string; k: string }>(
          `SELECT id, indicator_id || '/' || unit_id || '/' || period AS k FROM observations WHERE id = ANY($1::uuid[])`,
          [ids.map((r) => r.id)],
        )
      ).map((r) => [r.k, r.id]),
    );
    for (const [n, s] of slots.entries()) {
      const id = byKey.get(`${s.indicatorId}/${s.unitId}/${s.period}`) as string;
      if (n % 4 !== 1) approved.add(id);
      all.push({ id, indicatorId: s.indicatorId });
    }
    await api.db.query(
      `INSERT INTO observation_versions (tenant_id, observation_id, seq, value, status, workflow_state)
       SELECT $1, x.id, 1, x.n, 'official', CASE WHEN x.id = ANY($3::uuid[]) THEN 'approved' ELSE 'draft' END
         FROM unnest($2::uuid[]) WITH ORDINALITY AS x(id, n)`,
      [t.id, all.map((o) => o.id), [...approved]],
    );
    noted = all.find((o) => o.indicatorId === t.indicators.own && approved.has(o.id))?.id as string;
    await api.db.query(
      `INSERT INTO quality_notes (tenant_id, entity, entity_id, kind, text) VALUES ($1,'observation',$2,'context','Số ước tính của Cục Thống kê')`,
      [t.id, noted],
    );
  }, 120_000);
  afterAll(async () => api?.close());

  /** Every page of a list, `limit` rows at a time, following the cursor; with the cursor that led to each row. */
  async function walk(
    session: Session | null,
    url: string,
    limit: number,
    cursor: string | null = null,
  ): Promise<{ items: Item[]; cursors: (string | null)[] }> {
    const items: Item[] = [];
    const cursors: (string | null)[] = [];
    for (let i = 0; i < 200; i++) {
      const res = await call(api.app, session, {
        method: 'GET',
        url: `${url}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { items: Item[]; nextCursor: string | null };
      items.push(...body.items);
      cursors.push(...body.items.map(() => body.nextCursor));
      cursor = body.nextCursor;
      if (!cursor) return { items, cursors };
    }
    throw new Error('the cursor never ran out');
  }

  it('each figure of the indicator once, in the general list’s order, under every order, for the tenant and the public', async () => {
    for (const [who, session] of [
      ['admin', admin],
      ['public', null],
    ] as const) {
      const visible = all.filter((o) => o.indicatorId === t.indicators.own && (who === 'admin' || approved.has(o.id)));
      expect(visible.length).toBeGreaterThan(10);
      for (const sort of SORTS) {
        const general = (await walk(session, `/api/observations?plan=${t.planCode}&sort=${sort}`, 7)).items;
        const expected = general.filter((o) => o.indicator.id === t.indicators.own).map((o) => o.id);
        const paged = (
          await walk(session, `/api/observations?plan=${t.planCode}&indicatorId=${t.indicators.own}&sort=${sort}`, 4)
        ).items;
        const ids = paged.map((o) => o.id);
        expect(new Set(ids).size, `${who} ${sort}`).toBe(ids.length);
        expect(new Set(ids), `${who} ${sort}`).toEqual(new Set(visible.map((o) => o.id)));
        expect(ids, `${who} ${sort}`).toEqual(expected);
        const periods = paged.map((o) => o.period);
        const ascending = [...periods].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(periods, `${who} ${sort}`).toEqual(sort.startsWith('-') ? ascending.reverse() : ascending);
      }
    }
  });

  it('a cursor made by the general list continues the indicator’s figures from where it stands, on any indicator', async () => {
    for (const sort of SORTS) {
      const general = await walk(admin, `/api/observations?plan=${t.planCode}&sort=${sort}`, 1);
      for (const [k, cursor] of general.cursors.entries()) {
        if (cursor === null) continue;
        const rest = general.items
          .slice(k + 1)
          .filter((o) => o.indicator.id === t.indicators.own)
          .map((o) => o.id);
        const res = await call(api.app, admin, {
          method: 'GET',
          url: `/api/observations?plan=${t.planCode}&indicatorId=${t.indicators.own}&sort=${sort}&limit=200&cursor=${cursor}`,
        });
        expect(res.statusCode, res.body).toBe(200);
        const at = general.items[k] as Item;
        expect(
          (res.json() as { items: Item[] }).items.map((o) => o.id),
          `${sort}, after ${at.indicator.id === first ? 'I0' : at.indicator.id === t.indicators.own ? 'I1' : 'I2'} ${at.period}`,
        ).toEqual(rest);
      }
    }
  });

  it('a figure’s notes come with it on its page, and a page of another indicator is not confused with it', async () => {
    const items = (await walk(null, `/api/observations?plan=${t.planCode}&indicatorId=${t.indicators.own}`, 5)).items;
    const withNotes = items.filter((o) => o.notes.length > 0);
    expect(withNotes.map((o) => o.id)).toEqual([noted]);
    expect(withNotes[0]?.notes).toEqual([
      expect.objectContaining({ kind: 'context', text: 'Số ước tính của Cục Thống kê' }),
    ]);
    const other = (await walk(null, `/api/observations?plan=${t.planCode}&indicatorId=${first}`, 5)).items;
    expect(other.length).toBeGreaterThan(0);
    expect(other.every((o) => o.indicator.id === first && o.notes.length === 0)).toBe(true);
  });
});
