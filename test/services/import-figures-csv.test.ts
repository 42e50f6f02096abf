// The bulk CSV import of figures on both databases: a good file is stored set-based, submitted for approval and
// audited once; a file with bad rows stores nothing and names each row, field and reason in both languages. On
// PostgreSQL, two bulk writes of one tenant's figures (this import and the template import) take turns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors.ts';
import { readFigureCsv } from '../../src/imports/figure-files.ts';
import { systemActor, type Actor } from '../../src/services/context.ts';
import { importFiguresCsv } from '../../src/services/imports/import-figures-csv.ts';
import { importFigures } from '../../src/services/interchange/import-figures.ts';
import type { Db } from '../../src/storage/db.ts';
import { takeBulkFigureTurn } from '../../src/storage/repositories/bulk-figures-repo.ts';
import { seedTenant, type Tenant } from '../api/api-helpers.ts';
import { openMigrated, testDatabases } from '../helpers/databases.ts';

const NOW = new Date('2026-11-25T00:00:00Z');
async function* linesOf(text: string): AsyncIterable<string> {
  for (const line of text.split('\n')) yield line;
}
const owner = (t: Tenant): Actor => ({
  kind: 'user',
  userId: t.users.plan_owner.id,
  label: 'plan_owner',
  tenantId: t.id,
  roles: ['plan_owner'],
  agencyId: null,
});

for (const database of testDatabases) {
  describe(`bulk CSV import of figures (${database.name})`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await openMigrated(database);
    });
    afterAll(async () => db.close());

    it('stores every row of a good file as a submitted version, in batches, and audits the import once', async () => {
      const t = await seedTenant(db, 'bulk');
      const csv = [
        'indicator,unit,period,value,status,published_on',
        'I1,31,2025-M01,"94,5",estimate,2025-02-05',
        'I1,31,2025-M02,95.1,official,2025-03-05',
        'I2,31,2025,"Chỉ tiêu ""ảo""",official,',
      ].join('\n');
      // The third row's value is not a figure: fixed, the file goes in whole.
      const good = csv.replace('"Chỉ tiêu ""ảo"""', '87.25');
      const report = await importFiguresCsv({
        ctx: { db, actor: owner(t), now: () => NOW },
        input: { planCode: t.planCode, lines: linesOf(good), sourceText: 'Niên giám thử', batchSize: 2 },
      });
      expect(report).toMatchObject({ rows: 3, stored: 3 });
      const stored = await db.query<{ period: string; value: string; status: string; workflow_state: string }>(
        `SELECT o.period, v.value, v.status, v.workflow_state FROM observations o
           JOIN observation_versions v ON v.observation_id = o.id WHERE o.tenant_id = $1 ORDER BY o.period`,
        [t.id],
      );
      expect(stored).toEqual([
        { period: '2025', value: '87.25', status: 'official', workflow_state: 'submitted' },
        { period: '2025-M01', value: '94.5', status: 'estimate', workflow_state: 'submitted' },
        { period: '2025-M02', value: '95.1', status: 'official', workflow_state: 'submitted' },
      ]);
      const audit = await db.query<{ action: string; after: { rows: number; sha256: string } }>(
        `SELECT action, after FROM audit_log WHERE tenant_id = $1 AND entity = 'observation'`,
        [t.id],
      );
      expect(audit).toHaveLength(1);
      expect(audit[0]?.after).toMatchObject({ rows: 3, sha256: report.sha256 });
      // A second file with the same slots adds a new version after the first, never overwrites it.
      await importFiguresCsv({
        ctx: { db, actor: owner(t), now: () => NOW },
        input: {
          planCode: t.planCode,
          lines: linesOf('indicator,unit,period,value,status,published_on\nI1,31,2025-M01,94.7,official,2025-04-05'),
          sourceText: 'Niên giám thử, lần 2',
        },
      });
      const seqs = await db.query<{ seq: number; value: string }>(
        `SELECT v.seq, v.value FROM observations o JOIN observation_versions v ON v.observation_id = o.id
          WHERE o.tenant_id = $1 AND o.period = '2025-M01' ORDER BY v.seq`,
        [t.id],
      );
      expect(seqs).toEqual([
        { seq: 1, value: '94.5' },
        { seq: 2, value: '94.7' },
      ]);
    });

    it('a batch the database refuses while the next is being checked stores nothing, the batches before it neither', async () => {
      const t = await seedTenant(db, 'bulkdb');
      // Batches of two: the second names one slot twice, which the database refuses (one statement cannot write a
      // row twice); it is written while the third batch is read and checked, and the whole import is undone.
      const csv = [
        'indicator,unit,period,value,status,published_on',
        'I1,31,2025-M01,94.5,official,2025-02-05',
        'I1,31,2025-M02,94.6,official,2025-03-05',
        'I1,31,2025-M03,94.7,official,2025-04-05',
        'I1,31,2025-M03,94.8,official,2025-04-05',
        'I1,31,2025-M04,94.9,official,2025-05-05',
        'I1,31,2025-M05,95.0,official,2025-06-05',
      ].join('\n');
      await expect(
        importFiguresCsv({
          ctx: { db, actor: owner(t), now: () => NOW },
          input: { planCode: t.planCode, lines: linesOf(csv), sourceText: 'Tệp trùng ô', batchSize: 2 },
        }),
      ).rejects.toThrow();
      const n = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM observations WHERE tenant_id = $1', [
        t.id,
      ]);
      expect(n[0]?.n).toBe(0);
      // The connection is usable afterwards (nothing left in flight on it).
      expect((await db.query<{ one: number }>('SELECT 1 AS one'))[0]?.one).toBe(1);
    });

    it('a second row for the same indicator, unit and period is named with the first one’s line, in one batch or across batches', async () => {
      const t = await seedTenant(db, 'bulkdup');
      const csv = [
        'indicator,unit,period,value,status,published_on',
        'I1,31,2025-M01,94.5,official,2025-02-05',
        'I1,31,2025-M01,95,official,2025-02-05',
        'I1,31,2025-M02,94,official,2025-03-05',
        'I1,31,2025-M02,96,official,2025-03-05',
      ].join('\n');
      for (const batchSize of [1, 100]) {
        const err = await importFiguresCsv({
          ctx: { db, actor: owner(t), now: () => NOW },
          input: { planCode: t.planCode, lines: linesOf(csv), sourceText: 'Tệp trùng', batchSize },
        }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ValidationError);
        const issues = (err as ValidationError).issues;
        expect(issues.map((i) => i.path)).toEqual(['line 3 / period', 'line 5 / period']);
        expect(issues[0]?.reason.vi).toBe('trùng với dòng 2: cùng chỉ tiêu, đơn vị và kỳ');
        expect(issues[1]?.reason.en).toBe('duplicates line 4: same indicator, unit and period');
      }
      const n = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM observations WHERE tenant_id = $1', [
        t.id,
      ]);
      expect(n[0]?.n).toBe(0);
    });

    it('a file with bad rows stores nothing and names each row, field and reason in Vietnamese and English', async () => {
      const t = await seedTenant(db, 'bulkbad');
      const csv = [
        'indicator,unit,period,value,status,published_on',
        'I1,31,2025-M01,94.5,official,2025-02-05',
        'XX,31,2025,1,official,',
        'I1,99,2025,1,official,',
        'I1,31,2025,abc,official,',
        'I1,31,2025,5,final,',
      ].join('\n');
      const err = await importFiguresCsv({
        ctx: { db, actor: owner(t), now: () => NOW },
        input: { planCode: t.planCode, lines: linesOf(csv), sourceText: 'Tệp lỗi', batchSize: 1 },
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ValidationError);
      const issues = (err as ValidationError).issues;
      expect(issues.map((i) => i.path)).toEqual([
        'line 3 / indicator',
        'line 4 / unit',
        expect.stringMatching(/^line 5 \/ value/),
        'line 6 / status',
      ]);
      expect(issues[0]?.reason.vi).toContain('không có chỉ tiêu mã "XX"');
      expect(issues[0]?.reason.en).toContain('no indicator coded "XX"');
      const n = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM observations WHERE tenant_id = $1', [
        t.id,
      ]);
      expect(n[0]?.n).toBe(0);
    });
  });
}

// Two bulk writes of one tenant's figures take turns instead of holding slots and list versions (0022) in their
// files' orders and waiting for each other. Concurrency needs two connections: PostgreSQL's pool (PGlite has one).
for (const database of testDatabases.filter((d) => d.name === 'postgres')) {
  describe(`bulk figure writes of one tenant take turns (${database.name})`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await openMigrated(database);
    });
    afterAll(async () => db.close());

    /** Holds the tenant's turn in a transaction of its own until released. */
    async function holdTurn(tenantId: string): Promise<{ release: () => Promise<void> }> {
      let release = (): void => undefined;
      const held = new Promise<void>((r) => (release = r));
      let taken = (): void => undefined;
      const turnTaken = new Promise<void>((r) => (taken = r));
      const holder = db.transaction(async (tx) => {
        await takeBulkFigureTurn(tx, tenantId);
        taken();
        await held;
      });
      await turnTaken;
      return {
        release: async () => {
          release();
          await holder;
        },
      };
    }
    /** Until `settled` says so, the import's connection waits for the turn and has written nothing. */
    async function expectWaiting(tenantId: string, period: string, settled: () => boolean): Promise<void> {
      // PostgreSQL shows the import's advisory lock not granted.
      const waiting = async () =>
        (
          await db.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted",
          )
        )[0]?.n ?? 0;
      await expect.poll(waiting, { timeout: 20_000 }).toBeGreaterThan(0);
      expect(settled()).toBe(false);
      const during = await db.query(`SELECT 1 FROM observations WHERE tenant_id = $1 AND period = $2`, [
        tenantId,
        period,
      ]);
      expect(during).toHaveLength(0);
    }

    it('a CSV import waits while another bulk write of the tenant is open, then goes in whole', async () => {
      const t = await seedTenant(db, 'turns');
      const turn = await holdTurn(t.id);
      let settled = false;
      const importing = importFiguresCsv({
        ctx: { db, actor: owner(t), now: () => NOW },
        input: {
          planCode: t.planCode,
          lines: linesOf('indicator,unit,period,value,status,published_on\nI1,31,2025-M03,96.2,official,2025-04-05'),
          sourceText: 'Niên giám thử',
        },
      }).finally(() => (settled = true));
      await expectWaiting(t.id, '2025-M03', () => settled);
      await turn.release();
      expect(await importing).toMatchObject({ rows: 1, stored: 1 });
    });

    it('so does a template import, from its first write (a dry run takes no turn)', async () => {
      const t = await seedTenant(db, 'turns-template');
      const ctx = { db, actor: systemActor('test', t.id), now: () => NOW };
      const csv =
        'indicator,unit,period,value,stage,source,published_on,note\r\nI2,31,2025,87.25,official,Cục Thống kê,,';
      const turn = await holdTurn(t.id);
      const dry = await importFigures({ ctx, input: { rows: readFigureCsv(csv, t.planCode), dryRun: true } });
      expect(dry.counts.new).toBe(1);
      let settled = false;
      const importing = importFigures({ ctx, input: { rows: readFigureCsv(csv, t.planCode) } }).finally(
        () => (settled = true),
      );
      await expectWaiting(t.id, '2025', () => settled);
      await turn.release();
      expect(await importing).toMatchObject({ applied: true, counts: { new: 1 } });
    });
  });
}
