// The bulk CSV import of figures on both databases: a good file is stored set-based, submitted for approval and
// audited once; a file with bad rows stores nothing and names each row, field and reason in both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors.ts';
import type { Actor } from '../../src/services/context.ts';
import { importFiguresCsv } from '../../src/services/imports/import-figures-csv.ts';
import type { Db } from '../../src/storage/db.ts';
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
