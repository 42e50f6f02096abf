// POST /api/drafts over real HTTP handling: the plan owner gets the draft of the posted text, nothing is stored, and
// bad input is a bilingual problem+json naming the field.
import { readFileSync } from 'node:fs';
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

  it('reads a .docx and a text-layer PDF by their content, and refuses what is neither text, .docx nor PDF', async () => {
    for (const ext of ['docx', 'pdf']) {
      // The name lies on purpose: the kind comes from the bytes.
      const bytes = readFileSync(new URL(`../fixtures/draft-plan-resolution.${ext}`, import.meta.url));
      const res = await call(api.app, owner, {
        method: 'POST',
        url: '/api/drafts',
        payload: { file: { name: 'nghi-quyet.txt', contentBase64: bytes.toString('base64') } },
      });
      expect(res.statusCode, res.body).toBe(200);
      const draft = res.json() as Draft & { text: string };
      expect(draft.items.map((i) => i.indicator.name)).toEqual(['Tỷ lệ đô thị hóa', 'Thu ngân sách']);
      const first = draft.items[0];
      expect(draft.text.slice(first?.span.start, first?.span.end)).toBe(first?.span.quote);
    }
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const bad = await call(api.app, owner, {
      method: 'POST',
      url: '/api/drafts',
      payload: { file: { name: 'anh.png', contentBase64: png.toString('base64') } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('anh.png');
    expect(bad.body).toContain('không phải văn bản UTF-8, .docx hay PDF');
    const both = await call(api.app, owner, {
      method: 'POST',
      url: '/api/drafts',
      payload: { text: TEXT, file: { name: 'a.txt', contentBase64: Buffer.from(TEXT).toString('base64') } },
    });
    expect(both.statusCode).toBe(400);
  });

  it('accepts the reviewed items into a new plan that evaluates, keeping each statement as provenance', async () => {
    const draft = (
      await call(api.app, owner, { method: 'POST', url: '/api/drafts', payload: { text: TEXT } })
    ).json() as Draft;
    const [growth, , urban] = draft.items;
    if (!growth || !urban) throw new Error('the draft lost an item');
    // The owner rejects the commune count, keeps the growth target, and edits the urbanisation threshold to 76 %.
    const urbanSpec = { ...urban.readings[0]?.spec, value: '76' };
    const payload = {
      plan: {
        code: 'du-thao-2026-2030',
        name: 'Nghị quyết thử nghiệm nhiệm kỳ 2026–2030',
        term: { firstYear: 2026, lastYear: 2030 },
        document: { kind: 'congress_resolution', title: 'Dự thảo nghị quyết (tải lên)' },
      },
      items: [
        {
          code: '1',
          parent: null,
          name: growth.indicator.name,
          unit: growth.readings[0]?.unit ?? '',
          quote: growth.span.quote,
          line: growth.span.line,
          lineEnd: growth.span.lineEnd,
          spec: growth.readings[0]?.spec,
        },
        {
          code: '2',
          parent: null,
          name: urban.indicator.name,
          unit: urban.readings[0]?.unit ?? '',
          quote: urban.span.quote,
          line: urban.span.line,
          lineEnd: urban.span.lineEnd,
          spec: urbanSpec,
        },
      ],
    };
    const res = await call(api.app, owner, { method: 'POST', url: '/api/drafts/accept', payload });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ plan: 'du-thao-2026-2030', indicators: 2, targets: 2 });
    const evaluations = await call(api.app, owner, {
      method: 'GET',
      url: '/api/plans/du-thao-2026-2030/evaluations',
    });
    expect(evaluations.statusCode, evaluations.body).toBe(200);
    const rows = (evaluations.json() as { rows: { indicator: { code: string }; status: string }[] }).rows;
    expect(rows.map((r) => [r.indicator.code, r.status])).toEqual([
      ['1', 'no_data'],
      ['2', 'no_data'],
    ]);
    const stored = await api.db.query<{ text: string; spec: { value?: string }; provenance: unknown }>(
      `SELECT t.text, t.spec, t.provenance FROM targets t JOIN plans p ON p.id = t.plan_id
        WHERE p.code = 'du-thao-2026-2030' ORDER BY t.text`,
    );
    expect(stored.find((t) => t.text === urban.span.quote)?.spec.value).toBe('76');
    const provenance = stored.map((t) => (typeof t.provenance === 'string' ? JSON.parse(t.provenance) : t.provenance));
    // The uploaded document is the plan's own, and the target cites its lines and the statement's words there.
    expect(provenance).toContainEqual(
      expect.objectContaining({
        document: 'du-thao',
        line: urban.span.line,
        lineEnd: urban.span.lineEnd,
        quote: urban.span.quote,
      }),
    );
    const cited = provenance.find((p) => (p as { quote?: string }).quote === urban.span.quote) as {
      documentId: string;
    };
    const documents = await api.db.query<{ title: string }>('SELECT title FROM documents WHERE id = $1', [
      cited.documentId,
    ]);
    expect(documents.map((d) => d.title)).toEqual(['Dự thảo nghị quyết (tải lên)']);
    const audit = await api.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'plan' AND actor_label = $1`,
      [tenant.users.plan_owner.email],
    );
    expect(audit[0]?.n).toBeGreaterThan(0);
    const again = await call(api.app, owner, { method: 'POST', url: '/api/drafts/accept', payload });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('/plan/code');
  });

  it('accepts a total over the term, a rank and a milestone: each indicator measures what its kind reads', async () => {
    const text = [
      'Các chỉ tiêu chủ yếu',
      '',
      'Tổng kim ngạch xuất khẩu giai đoạn 2026 - 2030 đạt 19 tỷ USD; chỉ số PCI trong nhóm 10 tỉnh dẫn đầu; đến năm 2030 hoàn thành xóa nhà tạm; bình quân mỗi năm tạo việc làm cho 21.000 lao động.',
    ].join('\n');
    const draft = (
      await call(api.app, owner, { method: 'POST', url: '/api/drafts', payload: { text } })
    ).json() as Draft;
    expect(draft.items.map((i) => i.readings[0]?.kind)).toEqual(['cumulative', 'rank', 'milestone', 'yearly_flow']);
    const payload = {
      plan: {
        code: 'du-thao-tong-2026-2030',
        name: 'Nghị quyết thử: tổng, thứ hạng, mốc',
        term: { firstYear: 2026, lastYear: 2030 },
        document: { kind: 'congress_resolution', title: 'Dự thảo (tải lên)' },
      },
      items: draft.items.map((i, n) => ({
        code: String(n + 1),
        parent: null,
        name: i.indicator.name,
        unit: i.readings[0]?.unit ?? '',
        quote: i.span.quote,
        line: i.span.line,
        lineEnd: i.span.lineEnd,
        spec: i.readings[0]?.spec,
      })),
    };
    const res = await call(api.app, owner, { method: 'POST', url: '/api/drafts/accept', payload });
    expect(res.statusCode, res.body).toBe(201);
    const measures = await api.db.query<{ code: string; measure: string }>(
      `SELECT i.code, i.measure FROM indicators i JOIN plans p ON p.id = i.plan_id
        WHERE p.code = 'du-thao-tong-2026-2030' ORDER BY i.code`,
    );
    expect(measures).toEqual([
      { code: '1', measure: 'flow' },
      { code: '2', measure: 'rank' },
      { code: '3', measure: 'done' },
      { code: '4', measure: 'flow' },
    ]);
    // A yearly target judges the figures entered for its years (a "level" figure would be skipped as not a flow).
    const jobs = draft.items[3];
    const entered = await call(api.app, owner, {
      method: 'POST',
      url: '/api/plans/du-thao-tong-2026-2030/vintages',
      payload: {
        indicatorCode: '4',
        period: '2026',
        value: '22000',
        status: 'official',
        source: 'Báo cáo (thử)',
        publishedOn: '2026-11-01',
      },
    });
    expect(entered.statusCode, entered.body).toBeLessThan(300);
    const evaluation = await call(api.app, owner, {
      method: 'GET',
      url: '/api/plans/du-thao-tong-2026-2030/evaluations?dataBasis=all',
    });
    const row = (
      evaluation.json() as { rows: { indicator: { code: string }; actual: { value: string | null } }[] }
    ).rows.find((r) => r.indicator.code === '4');
    expect(jobs?.indicator.name).toBe('Tạo việc làm');
    expect(row?.actual.value).toBe('22000');
  });

  it('refuses a draft the engine cannot evaluate, naming the item, and writes nothing', async () => {
    const before = await api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM plans');
    const plan = {
      code: 'du-thao-hong',
      name: 'Dự thảo hỏng',
      term: { firstYear: 2026, lastYear: 2030 },
      document: { kind: 'congress_resolution', title: 'Dự thảo' },
    };
    const noValue = {
      code: '1',
      parent: null,
      name: 'Tỷ lệ đô thị hóa',
      unit: '%',
      quote: 'tỷ lệ đô thị hóa đạt trên 75%',
      line: 4,
      lineEnd: 4,
      spec: { kind: 'threshold', direction: 'higher_better', op: '>', year: 2030 },
    };
    const orphan = { ...noValue, code: '2', parent: '9', name: 'Con', spec: { ...noValue.spec, value: '1' } };
    const res = await call(api.app, owner, {
      method: 'POST',
      url: '/api/drafts/accept',
      payload: { plan, items: [noValue, orphan] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('/items/1/parent');
    // Alone, the threshold without its value reaches the dataset format's checks, which name the indicator.
    const engine = await call(api.app, owner, {
      method: 'POST',
      url: '/api/drafts/accept',
      payload: { plan, items: [noValue] },
    });
    expect(engine.statusCode).toBe(400);
    expect(engine.body).toContain('chỉ tiêu 1');
    expect(engine.body).toContain('value');
    const after = await api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM plans');
    expect(after).toEqual(before);
  });

  it('refuses a reader', async () => {
    const reader = await login(api.app, tenant.users.reader.email);
    const res = await call(api.app, reader, { method: 'POST', url: '/api/drafts', payload: { text: TEXT } });
    expect(res.statusCode).toBe(403);
  });
});
