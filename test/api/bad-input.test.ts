// A corpus of malformed requests: every one is a 4xx problem+json, never a 5xx, and the database is unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../helpers/databases.ts';
import {
  call,
  fingerprint,
  login,
  openApi,
  seedTenant,
  type Api,
  type Call,
  type Session,
  type Tenant,
} from './api-helpers.ts';

const HOSTILE = [
  "'; DROP TABLE observations; --",
  "1' OR '1'='1",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'x'.repeat(100_000),
  '\u0000',
  '\ud800',
  '\udfff lone',
  '${7*7}',
  '../../etc/passwd',
];
const BAD_DECIMALS = [
  '1,5,5',
  '1.200.000,5',
  '1e5',
  'NaN',
  'Infinity',
  '-',
  '',
  '1 1',
  '1.',
  '.5',
  '0x10',
  '1//2',
  '９５',
  '1'.repeat(60),
  '--1',
  '+1',
  '1 000',
];
const BAD_PERIODS = [
  '2025-Q0',
  '2025-M00',
  '2025-13',
  '2025-Q5',
  '1800',
  '25',
  '2025/Q1',
  'năm 2025',
  '2025-H3',
  '',
  '2025-M13',
  '99999',
];
const WRONG_TYPES: unknown[] = [null, true, [], {}, 1e308, 1e-30];
// JSON numbers and booleans where the body wants text: a body is never coerced (only querystrings are), so each is
// a 400 naming the field rather than a float silently turned into a decimal string.
const UNCOERCED: [string, unknown][] = [
  ['value', 1.5],
  ['value', 96],
  ['value', 0],
  ['value', -1],
  ['value', false],
  ['period', 2025],
  ['status', 1],
  ['reason', 42],
  ['reason', true],
  ['sourceText', 3.14],
  ['evidenceUrl', 0],
  ['indicatorId', 1],
  ['unitId', 31],
];

/** Percent-encodes; a lone surrogate becomes the invalid UTF-8 bytes it would be (%ED%A0%80). */
function q(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}

function corpus(t: Tenant, obsId: string): Call[] {
  const good = { indicatorId: t.indicators.own, unitId: t.unitId, period: '2030', value: '1.5', status: 'estimate' };
  const calls: Call[] = [];
  const post = (payload: unknown, url = '/api/observations'): Call => ({ method: 'POST', url, payload });
  for (const d of BAD_DECIMALS) calls.push(post({ ...good, value: d }));
  for (const p of BAD_PERIODS) calls.push(post({ ...good, period: p }));
  for (const h of HOSTILE) {
    calls.push(
      post({ ...good, value: h }),
      post({ ...good, period: h }),
      post({ ...good, indicatorId: h }),
      post({ ...good, reason: h.length > 2000 ? h : `${h}\ud800` }),
      post({ ...good, status: h }),
    );
    calls.push(
      { method: 'GET', url: `/api/observations?plan=${q(h.slice(0, 500))}` },
      { method: 'GET', url: `/api/indicators?agency=${q(h.slice(0, 500))}` },
    );
    calls.push({
      method: 'POST',
      url: '/api/users',
      payload: { email: h, displayName: h, password: 'short', roles: ['admin'] },
    });
  }
  for (const w of WRONG_TYPES) {
    for (const field of ['indicatorId', 'unitId', 'period', 'value', 'status', 'reason'])
      calls.push(post({ ...good, [field]: field === 'reason' && (w === null || typeof w !== 'object') ? { w } : w }));
    calls.push(post(w), post({ value: w, status: 'official' }, `/api/observations/${obsId}/versions`));
  }
  for (const [field, v] of UNCOERCED)
    calls.push(
      post({ ...good, [field]: v }),
      post({ value: '1', status: 'official', [field]: v }, `/api/observations/${obsId}/versions`),
    );
  calls.push({
    method: 'POST',
    url: `/api/observations/${obsId}/return`,
    headers: { 'if-match': '1' },
    payload: { comment: 7 },
  });
  calls.push({
    method: 'POST',
    url: '/api/users',
    payload: { email: 'n@x.test', displayName: 12, password: 'long enough password', roles: ['reader'] },
  });
  calls.push({
    method: 'POST',
    url: '/api/users',
    payload: { email: 'n@x.test', displayName: 'x', password: 123456789012345, roles: ['reader'] },
  });
  calls.push({
    method: 'POST',
    url: '/api/users',
    payload: { email: 'n@x.test', displayName: 'x', password: 'long enough password', roles: 'reader' },
  });
  for (const sort of ['nope', '-nope', 'password', '--code', 'code,name', "code'--", '-', 'x'.repeat(41)])
    calls.push(
      { method: 'GET', url: `/api/tasks?sort=${q(sort)}` },
      { method: 'GET', url: `/api/audit-log?sort=${q(sort)}` },
    );
  for (const n of [-1, 0, 201, 1e9, -1e9, 1.5]) calls.push({ method: 'GET', url: `/api/observations?limit=${n}` });
  for (const c of ['!!!', 'eyJ4Ijo', 'W10', 'bm90IGpzb24', 'x'.repeat(500)])
    calls.push({ method: 'GET', url: `/api/audit-log?cursor=${c}` }, { method: 'GET', url: `/api/units?cursor=${c}` });
  calls.push(
    post({ ...good, extra: 1 }),
    {
      method: 'POST',
      url: '/api/observations',
      payload: `{"__proto__":{"admin":true},${JSON.stringify(good).slice(1)}`,
      headers: { 'content-type': 'application/json' },
    },
    post({ ...good, value: 1e308 }),
    post({ ...good, value: -1e-9 }),
  );
  calls.push(post({ ...good, roles: Array.from({ length: 10_000 }, () => 'admin') }, '/api/users'));
  calls.push({
    method: 'POST',
    url: '/api/users',
    payload: {
      email: 'a@b.c',
      displayName: 'x',
      password: 'long enough password',
      roles: Array.from({ length: 50 }, () => 'reader'),
    },
  });
  calls.push({
    method: 'POST',
    url: '/api/observations',
    payload: '{"value": ',
    headers: { 'content-type': 'application/json' },
  });
  calls.push({
    method: 'POST',
    url: '/api/observations',
    payload: 'value=1',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  calls.push({
    method: 'POST',
    url: '/api/observations',
    payload: Buffer.from([0x7b, 0x22, 0x76, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    headers: { 'content-type': 'application/json' },
  });
  calls.push({
    method: 'POST',
    url: '/api/observations',
    payload: JSON.stringify({ ...good, reason: 'x'.repeat(2_000_000) }),
    headers: { 'content-type': 'application/json' },
  });
  for (const id of ['not-a-uuid', '00000000-0000-0000-0000-000000000000', "1'--", '%00']) {
    calls.push(
      { method: 'GET', url: `/api/observations/${id}` },
      { method: 'POST', url: `/api/observations/${id}/approve`, headers: { 'if-match': '1' } },
    );
  }
  for (const m of ['0', '-1', 'abc', '"', 'W/"x"', '99999999999999'])
    calls.push({ method: 'POST', url: `/api/observations/${obsId}/submit`, headers: { 'if-match': m } });
  calls.push({
    method: 'POST',
    url: `/api/observations/${obsId}/return`,
    headers: { 'if-match': '1' },
    payload: { comment: '' },
  });
  calls.push(
    { method: 'GET', url: `/api/plans/${t.planCode}/evaluations?asOf=2025-02-30x` },
    { method: 'GET', url: `/api/plans/${t.planCode}/evaluations?dataBasis=everything` },
  );
  return calls;
}

describe.each(testDatabases)('malformed requests on $name', (database) => {
  let api: Api;
  let t: Tenant;
  let admin: Session;
  let obsId: string;
  beforeAll(async () => {
    api = await openApi(database);
    t = await seedTenant(api.db);
    admin = await login(api.app, t.users.admin.email);
    const r = await call(api.app, admin, {
      method: 'POST',
      url: '/api/observations',
      payload: { indicatorId: t.indicators.own, unitId: t.unitId, period: '2025', value: '1', status: 'estimate' },
    });
    obsId = (r.json() as { id: string }).id;
  }, 120_000);
  afterAll(async () => api?.close());

  it('at least 200 malformed requests each get a 4xx problem+json and leave the database unchanged', async () => {
    const calls = corpus(t, obsId);
    expect(calls.length).toBeGreaterThanOrEqual(200);
    const before = await fingerprint(api.db);
    const failures: string[] = [];
    for (const c of calls) {
      const res = await call(api.app, admin, c);
      const label = `${c.method} ${c.url.slice(0, 80)} ${JSON.stringify(c.payload ?? '').slice(-120)} → ${res.statusCode}`;
      if (res.statusCode < 400 || res.statusCode >= 500) failures.push(label);
      else if (!String(res.headers['content-type'] ?? '').includes('application/problem+json'))
        failures.push(`${label} not problem+json`);
      else {
        const body = res.json() as { code?: string; messages?: { vi?: string; en?: string }; stack?: unknown };
        if (!body.code || !body.messages?.vi || !body.messages.en || 'stack' in body || res.body.includes('    at '))
          failures.push(`${label} bad problem body`);
      }
    }
    expect(failures).toEqual([]);
    expect(await fingerprint(api.db)).toBe(before);
    console.info(`bad-input corpus: ${calls.length} requests, all 4xx problem+json, database unchanged`);
  });

  it('a JSON number for a decimal string is refused, not coerced, and the problem names the field', async () => {
    for (const [field, v] of UNCOERCED) {
      const res = await call(api.app, admin, {
        method: 'POST',
        url: '/api/observations',
        payload: {
          indicatorId: t.indicators.own,
          unitId: t.unitId,
          period: '2032',
          value: '1.5',
          status: 'estimate',
          [field]: v,
        },
      });
      expect(res.statusCode, `${field}=${JSON.stringify(v)}`).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const body = res.json() as { code: string; errors: { path: string }[] };
      expect(body.code).toBe('validation_failed');
      expect(body.errors.map((e) => e.path)).toContain(`body/${field}`);
    }
  });

  it('querystrings are still read as text and coerced: ?limit=2 is the number 2', async () => {
    const res = await call(api.app, admin, { method: 'GET', url: '/api/units?limit=2' });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('a figure that is not a number is refused with a message that says how to write one', async () => {
    const res = await call(api.app, admin, {
      method: 'POST',
      url: '/api/observations',
      payload: { indicatorId: t.indicators.own, unitId: t.unitId, period: '2031', value: '1,5,5', status: 'estimate' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'invalid_figure',
      errors: [{ path: 'value', reason: { en: expect.stringContaining('e.g. 1.234,5 or 1234.5') } }],
    });
  });
});
