// An API server over a fresh test database, and tenants with everything a request needs: a unit, two agencies each
// owning an indicator (with a target), a plan, and one user per role. Tests isolate themselves by tenant.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildServer } from '../../src/api/server.ts';
import { loadConfig, type Config } from '../../src/config/config.ts';
import { openMailer } from '../../src/services/notifications/mailer.ts';
import type { Runtime } from '../../src/runtime.ts';
import { hashPassword } from '../../src/services/auth/secrets.ts';
import { ROLES, systemActor, type Role } from '../../src/services/context.ts';
import type { Db } from '../../src/storage/db.ts';
import { createTenant, openMigrated, type TestDatabase } from '../helpers/databases.ts';

export const PASSWORD = 'correct horse battery staple';
let passwordHash: string | null = null;

export interface Api {
  app: FastifyInstance;
  db: Db;
  runtime: Runtime;
  close(): Promise<void>;
}

export async function openApi(database: TestDatabase, overrides: Partial<Config> = {}): Promise<Api> {
  const db = await openMigrated(database);
  const config = loadConfig(
    { SEED: 'false', LOG_LEVEL: 'silent' },
    { ...overrides, secureCookies: overrides.secureCookies ?? false, trustedProxies: overrides.trustedProxies ?? [] },
  );
  const runtime: Runtime = {
    config,
    db,
    systemContext: (label) => ({ db, actor: systemActor(label), now: () => new Date() }),
    close: () => db.close(),
    mailer: openMailer(config),
  };
  const app = await buildServer(runtime, { logger: false });
  await app.ready();
  return {
    app,
    db,
    runtime,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

export type Principal = Role | 'agency_editor_other';

export interface Tenant {
  id: string;
  code: string;
  planCode: string;
  unitId: string;
  agencies: { own: { id: string; code: string }; other: { id: string; code: string } };
  /** Indicators owned by the "own" and the "other" agency. */
  indicators: { own: string; other: string };
  /** Tasks and projects owned by the "own" and the "other" agency. */
  tasks: { own: string; other: string };
  projects: { own: string; other: string };
  users: Record<Principal, { id: string; email: string }>;
}

const one = <T>(rows: T[]): T => {
  const r = rows[0];
  if (r === undefined) throw new Error('expected a row');
  return r;
};

export async function seedTenant(db: Db, prefix = 't'): Promise<Tenant> {
  passwordHash ??= await hashPassword(PASSWORD);
  const t = await createTenant(db, prefix);
  const unitId = one(
    await db.query<{ id: string }>(
      `INSERT INTO units (tenant_id, code, name, level) VALUES ($1, '31', 'Thành phố Hải Phòng', 'province') RETURNING id`,
      [t.id],
    ),
  ).id;
  const agency = async (code: string) => ({
    code,
    id: one(
      await db.query<{ id: string }>('INSERT INTO agencies (tenant_id, code, name) VALUES ($1,$2,$3) RETURNING id', [
        t.id,
        code,
        `Sở ${code}`,
      ]),
    ).id,
  });
  const own = await agency('so-tc');
  const other = await agency('so-yt');
  const planCode = `plan-${t.code}`;
  const planId = one(
    await db.query<{ id: string }>(
      `INSERT INTO plans (tenant_id, code, name, unit_id, first_year, last_year) VALUES ($1,$2,'Nghị quyết thử',$3,2025,2030) RETURNING id`,
      [t.id, planCode, unitId],
    ),
  ).id;
  const indicator = async (code: string, agencyId: string) =>
    one(
      await db.query<{ id: string }>(
        `INSERT INTO indicators (tenant_id, plan_id, code, name, unit_of_measure, owner_agency_id, measure) VALUES ($1,$2,$3,$4,'%',$5,'share') RETURNING id`,
        [t.id, planId, code, `Chỉ tiêu ${code}`, agencyId],
      ),
    ).id;
  const indicators = { own: await indicator('I1', own.id), other: await indicator('I2', other.id) };
  await db.query(
    `INSERT INTO targets (tenant_id, plan_id, indicator_id, unit_id, kind, spec, text, first_year, last_year) VALUES ($1,$2,$3,$4,'threshold',$5,'trên 95%',2025,2030)`,
    [
      t.id,
      planId,
      indicators.own,
      unitId,
      JSON.stringify({
        kind: 'threshold',
        direction: 'higher_better',
        term: { firstYear: 2025, lastYear: 2030 },
        op: '>',
        value: '95',
        year: 2025,
        precision: 0,
      }),
    ],
  );
  const task = async (code: string, agencyId: string) =>
    one(
      await db.query<{ id: string }>(
        'INSERT INTO tasks (tenant_id, plan_id, code, title, owner_agency_id) VALUES ($1,$2,$3,$4,$5) RETURNING id',
        [t.id, planId, code, `Nhiệm vụ ${code}`, agencyId],
      ),
    ).id;
  const project = async (code: string, agencyId: string) =>
    one(
      await db.query<{ id: string }>(
        'INSERT INTO projects (tenant_id, plan_id, code, title, owner_agency_id) VALUES ($1,$2,$3,$4,$5) RETURNING id',
        [t.id, planId, code, `Dự án ${code}`, agencyId],
      ),
    ).id;
  const tasks = { own: await task('1', own.id), other: await task('2', other.id) };
  const projects = { own: await project('P1', own.id), other: await project('P2', other.id) };
  const users = {} as Record<Principal, { id: string; email: string }>;
  for (const p of [...ROLES, 'agency_editor_other'] as Principal[]) {
    const role = p === 'agency_editor_other' ? 'agency_editor' : p;
    const agencyId = p === 'agency_editor' ? own.id : p === 'agency_editor_other' ? other.id : null;
    const email = `${p}@${t.code}.test`;
    const id = one(
      await db.query<{ id: string }>(
        'INSERT INTO users (tenant_id, email, display_name, password_hash, agency_id) VALUES ($1,$2,$3,$4,$5) RETURNING id',
        [t.id, email, p, passwordHash, agencyId],
      ),
    ).id;
    await db.query('INSERT INTO user_roles (tenant_id, user_id, role) VALUES ($1,$2,$3)', [t.id, id, role]);
    users[p] = { id, email };
  }
  return { id: t.id, code: t.code, planCode, unitId, agencies: { own, other }, indicators, tasks, projects, users };
}

export interface Session {
  cookie: string;
  csrf: string;
}

export async function login(
  app: FastifyInstance,
  email: string,
  password = PASSWORD,
  ip = '10.0.0.1',
): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress: ip,
  });
  if (res.statusCode !== 200) throw new Error(`login ${email}: ${res.statusCode} ${res.body}`);
  const c = res.cookies.find((x) => x.name === 'chitieu_session');
  if (!c) throw new Error('no session cookie');
  return { cookie: `chitieu_session=${c.value}`, csrf: (res.json() as { csrfToken: string }).csrfToken };
}

export interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

export async function call(app: FastifyInstance, session: Session | null, c: Call): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...(c.headers ?? {}) };
  if (session) {
    headers.cookie = session.cookie;
    if (c.method !== 'GET') headers['x-csrf-token'] = session.csrf;
  }
  return app.inject({
    method: c.method,
    url: c.url,
    headers,
    ...(c.payload !== undefined ? { payload: c.payload as object } : {}),
  });
}

/** A fingerprint of every table the API can write: row counts plus a hash of the workflow-bearing rows. */
export async function fingerprint(db: Db): Promise<string> {
  const tables = [
    'observations',
    'observation_versions',
    'observation_reviews',
    'users',
    'user_roles',
    'audit_log',
    'task_progress_reports',
    'project_progress',
  ];
  const parts: string[] = [];
  for (const t of tables)
    parts.push(`${t}=${one(await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`)).n}`);
  const h = await db.query<{ h: string | null }>(
    `SELECT md5(string_agg(id::text || version::text, ',' ORDER BY id)) AS h FROM observations`,
  );
  const v = await db.query<{ h: string | null }>(
    `SELECT md5(string_agg(id::text || workflow_state || coalesce(value::text, ''), ',' ORDER BY id)) AS h FROM observation_versions`,
  );
  return `${parts.join(' ')} ${one(h).h ?? '-'} ${one(v).h ?? '-'}`;
}
