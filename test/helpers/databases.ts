// The databases every storage test runs on: embedded PGlite always, PostgreSQL when TEST_DATABASE_URL is set
// (always in CI, where a missing URL fails the run instead of skipping silently).
import { openPglite, openPostgres, type Db } from '../../src/storage/db.ts';
import { migrate } from '../../src/storage/migrate.ts';

export interface TestDatabase {
  name: 'pglite' | 'postgres';
  open(): Promise<Db>;
}

const url = process.env.TEST_DATABASE_URL;
if (!url) {
  if (process.env.CI)
    throw new Error('CI requires TEST_DATABASE_URL: PostgreSQL storage tests must run, not be skipped');
  console.warn('\n*** TEST_DATABASE_URL is not set: PostgreSQL storage tests are SKIPPED (PGlite only). ***\n');
}

/** Each PostgreSQL test database is a fresh schema of its own, so "from empty" really is empty. */
async function freshPostgresSchema(base: string): Promise<Db> {
  const schema = `t_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = await openPostgres(base);
  await admin.exec(`CREATE SCHEMA ${schema}`);
  await admin.close();
  const u = new URL(base);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return openPostgres(u.toString());
}

export const testDatabases: TestDatabase[] = [
  { name: 'pglite', open: () => openPglite(null) },
  ...(url ? [{ name: 'postgres' as const, open: () => freshPostgresSchema(url) }] : []),
];

export async function openMigrated(db: TestDatabase): Promise<Db> {
  const handle = await db.open();
  await migrate(handle);
  return handle;
}

/** A tenant of its own for each test: tests never share rows. */
export async function createTenant(db: Db, prefix = 't'): Promise<{ id: string; code: string }> {
  const code = `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
  const rows = await db.query<{ id: string }>('INSERT INTO tenants (code, name) VALUES ($1, $2) RETURNING id', [
    code,
    `Tỉnh thử nghiệm ${code}`,
  ]);
  return { id: (rows[0] as { id: string }).id, code };
}
