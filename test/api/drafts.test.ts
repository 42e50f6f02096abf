// POST /api/drafts over real HTTP handling: the plan owner gets the draft of the posted text, nothing is stored, and
// bad input is a bilingual problem+json naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Draft } from '../../src/core/drafting/types.ts';
import { testDatabases } from '../helpers/databases.ts';
import { call, login, openApi, seedTenant, type Api, type Session, type Tenant } from './api-helpers.ts';

const TEXT = [
  '3. Các chỉ tiêu chủ yếu',
  '',
  '(1) Tăng trưởng GRDP giai đoạn 2026 - 2030 đạt bình quân 10-10,5%/năm;',
  '(2) Đến năm 2030 có 60/70 xã đạt chuẩn nông thôn mới nâng cao; tỷ lệ đô thị hóa đạt trên 75%.',
].join('\n');

describe.each(testDatabases)('drafting a plan over the API on $name', (database) => {
  let api: Api;
  let tenant: Tenant;
  let owner: Session;
  beforeAll(async () => {
    api = await openApi(database);
    tenant = await seedTenant(api.db, 'd');
    owner = await login(api.app, tenant.users.plan_owner.email);
  }, 120_000);
  afterAll(async () => api?.close());

  it('returns the draft of the posted text with spans, and stores nothing', async () => {
    const before = await api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    const res = await call(api.app, owner, { method: 'POST', url: '/api/drafts', payload: { text: TEXT } });
    expect(res.statusCode, res.body).toBe(200);
    const draft = res.json() as Draft;
    expect(draft.term).toEqual({ firstYear: 2026, lastYear: 2030 });
    expect(draft.items.map((i) => i.readings[0]?.kind)).toEqual([
      'growth_average',
      'units_meeting_standard',
      'threshold',
    ]);
    const growth = draft.items[0];
    expect(TEXT.slice(growth?.figure.start, growth?.figure.end)).toBe('10-10,5%/năm');
    expect(growth?.figure.line).toBe(3);
    const after = await api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    expect(after).toEqual(before);
  });

  it('refuses an empty text and a malformed term with a bilingual problem naming the field', async () => {
    const empty = await call(api.app, owner, { method: 'POST', url: '/api/drafts', payload: { text: '   ' } });
    expect(empty.statusCode).toBe(400);
    expect(String(empty.headers['content-type'])).toContain('application/problem+json');
    expect(empty.body).toContain('/text');
    expect(empty.body).toContain('văn bản trống');
    const term = await call(api.app, owner, {
      method: 'POST',
      url: '/api/drafts',
      payload: { text: TEXT, term: '2030-2026' },
    });
    expect(term.statusCode).toBe(400);
    expect(term.body).toContain('/term');
  });

  it('refuses a reader', async () => {
    const reader = await login(api.app, tenant.users.reader.email);
    const res = await call(api.app, reader, { method: 'POST', url: '/api/drafts', payload: { text: TEXT } });
    expect(res.statusCode).toBe(403);
  });
});
