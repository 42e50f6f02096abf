// Requests for explanation, notifications (in the app, and by e-mail to a real SMTP server the test starts),
// saved views, evidence files of progress reports, and the admin's account changes, over HTTP on both databases.
import fs from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../helpers/databases.ts';
import { tempDir } from '../helpers/processes.ts';
import { PASSWORD, call, login, openApi, seedTenant, type Api, type Session, type Tenant } from './api-helpers.ts';

interface Mail {
  to: string[];
  data: string;
}

async function startSmtp(): Promise<{ port: number; mails: Mail[]; close(): Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      let data = '';
      stream.on('data', (c: Buffer) => (data += c.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe.each(testDatabases)('collaboration over HTTP on $name', (database) => {
  let api: Api;
  let t: Tenant;
  let other: Tenant;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let dir: string;
  const s: Record<string, Session> = {};
  beforeAll(async () => {
    smtp = await startSmtp();
    dir = tempDir();
    api = await openApi(database, {
      smtp: { url: `smtp://127.0.0.1:${smtp.port}`, from: 'chitieu@example.vn' },
      publicUrl: 'https://chitieu.example.vn',
      evidenceDir: path.join(dir, 'files'),
      evidenceMaxBytes: 1000,
    });
    t = await seedTenant(api.db, 'col');
    other = await seedTenant(api.db, 'colx');
    for (const r of ['admin', 'plan_owner', 'agency_editor', 'agency_editor_other', 'approver', 'reader'] as const)
      s[r] = await login(api.app, t.users[r].email);
    s.stranger = await login(api.app, other.users.plan_owner.email);
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await smtp?.close();
  });

  it('a leader asks the owning agency to explain a task; the agency is notified (app and e-mail) and answers in place', async () => {
    const sent = await call(api.app, s.plan_owner as Session, {
      method: 'POST',
      url: '/api/explanation-requests',
      payload: { itemKind: 'task', itemId: t.tasks.own, question: 'Vì sao chậm tiến độ?', deadline: '2099-12-31' },
    });
    expect(sent.statusCode).toBe(201);
    const req = sent.json() as { id: string; agency: { id: string }; overdue: boolean; answer: string | null };
    expect(req.agency.id).toBe(t.agencies.own.id);
    expect(req.overdue).toBe(false);
    // The agency's editor sees it under the bell; the other agency's editor does not.
    const bell = (
      await call(api.app, s.agency_editor as Session, { method: 'GET', url: '/api/notifications' })
    ).json() as {
      unread: number;
      items: { id: string; kind: string; subject: string; link: string }[];
    };
    expect(bell.unread).toBe(1);
    expect(bell.items[0]?.kind).toBe('explanation_requested');
    expect(bell.items[0]?.subject).toContain('Yêu cầu giải trình: 1. Nhiệm vụ 1 (hạn 31/12/2099)');
    expect(bell.items[0]?.link).toBe(`/requests?itemKind=task&itemId=${t.tasks.own}`);
    const otherBell = (
      await call(api.app, s.agency_editor_other as Session, { method: 'GET', url: '/api/notifications' })
    ).json() as { unread: number };
    expect(otherBell.unread).toBe(0);
    // The e-mail went to the agency's editor, with the absolute link.
    await expect.poll(() => smtp.mails.length).toBeGreaterThanOrEqual(1);
    const mail = smtp.mails.find((m) => m.to.includes(t.users.agency_editor.email));
    // The body is quoted-printable: soft line breaks and "=3D" undone before reading it.
    const body = (mail?.data ?? '').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    expect(body).toContain(`https://chitieu.example.vn/requests?itemKind=task&itemId=${t.tasks.own}`);
    expect(mail?.data).toContain('From: chitieu@example.vn');
    // Only the owning agency answers; a reader cannot; another tenant does not find it.
    const url = `/api/explanation-requests/${req.id}/answer`;
    const payload = { answer: 'Do chậm giải phóng mặt bằng; dự kiến xong quý II.' };
    expect((await call(api.app, s.agency_editor_other as Session, { method: 'POST', url, payload })).statusCode).toBe(
      403,
    );
    expect((await call(api.app, s.reader as Session, { method: 'POST', url, payload })).statusCode).toBe(403);
    expect((await call(api.app, s.stranger as Session, { method: 'POST', url, payload })).statusCode).toBe(404);
    const answered = await call(api.app, s.agency_editor as Session, { method: 'POST', url, payload });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ answer: payload.answer, overdue: false });
    // The round trip on the item, with both dates; the asker is notified.
    const trip = (
      await call(api.app, s.reader as Session, {
        method: 'GET',
        url: `/api/explanation-requests?itemKind=task&itemId=${t.tasks.own}`,
      })
    ).json() as { items: { requestedAt: string; answeredAt: string | null; answer: string }[] };
    expect(trip.items).toHaveLength(1);
    expect(trip.items[0]?.answeredAt).not.toBeNull();
    expect(trip.items[0]?.requestedAt).not.toBeNull();
    const asker = (
      await call(api.app, s.plan_owner as Session, { method: 'GET', url: '/api/notifications' })
    ).json() as {
      items: { kind: string }[];
    };
    expect(asker.items.map((i) => i.kind)).toContain('explanation_answered');
    const audit = await api.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity = 'explanation_request' AND entity_id = $1 ORDER BY id",
      [req.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['request_explanation', 'answer_explanation']);
  });

  it('an unanswered request past its deadline is overdue on the agency list; a past deadline or an item without an owner is refused', async () => {
    const r = (
      await call(api.app, s.plan_owner as Session, {
        method: 'POST',
        url: '/api/explanation-requests',
        payload: { itemKind: 'project', itemId: t.projects.own, question: 'Giải ngân thấp', deadline: '2099-01-01' },
      })
    ).json() as { id: string };
    // Its deadline passes (moved in the database: the clock is the server's).
    await api.db.query("UPDATE explanation_requests SET deadline = '2020-01-01' WHERE id = $1", [r.id]);
    const overdue = (
      await call(api.app, s.agency_editor as Session, {
        method: 'GET',
        url: `/api/explanation-requests?agencyId=${t.agencies.own.id}&overdue=true`,
      })
    ).json() as { items: { id: string; overdue: boolean }[] };
    expect(overdue.items.map((i) => i.id)).toEqual([r.id]);
    expect(overdue.items[0]?.overdue).toBe(true);
    const past = await call(api.app, s.plan_owner as Session, {
      method: 'POST',
      url: '/api/explanation-requests',
      payload: { itemKind: 'task', itemId: t.tasks.own, question: 'x', deadline: '2001-01-01' },
    });
    expect(past.statusCode).toBe(400);
    expect(past.json()).toMatchObject({ errors: [{ path: 'body/deadline' }] });
    await api.db.query('UPDATE tasks SET owner_agency_id = NULL WHERE id = $1', [t.tasks.other]);
    const noOwner = await call(api.app, s.plan_owner as Session, {
      method: 'POST',
      url: '/api/explanation-requests',
      payload: { itemKind: 'task', itemId: t.tasks.other, question: 'x', deadline: '2099-01-01' },
    });
    expect(noOwner.statusCode).toBe(400);
    expect(JSON.stringify(noOwner.json())).toContain('chưa có cơ quan chủ trì');
    // An editor cannot send requests.
    expect(
      (
        await call(api.app, s.agency_editor as Session, {
          method: 'POST',
          url: '/api/explanation-requests',
          payload: { itemKind: 'task', itemId: t.tasks.own, question: 'x', deadline: '2099-01-01' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('marks notifications read, one or all, only one’s own', async () => {
    const before = (
      await call(api.app, s.agency_editor as Session, { method: 'GET', url: '/api/notifications' })
    ).json() as {
      unread: number;
      items: { id: string }[];
    };
    expect(before.unread).toBeGreaterThanOrEqual(2);
    const first = before.items[0]?.id as string;
    // Someone else marking it changes nothing.
    const foreign = await call(api.app, s.reader as Session, {
      method: 'POST',
      url: '/api/notifications/read',
      payload: { ids: [first] },
    });
    expect(foreign.json()).toEqual({ marked: 0 });
    const one = await call(api.app, s.agency_editor as Session, {
      method: 'POST',
      url: '/api/notifications/read',
      payload: { ids: [first] },
    });
    expect(one.json()).toEqual({ marked: 1 });
    await call(api.app, s.agency_editor as Session, {
      method: 'POST',
      url: '/api/notifications/read',
      payload: { all: true },
    });
    const after = (
      await call(api.app, s.agency_editor as Session, { method: 'GET', url: '/api/notifications' })
    ).json() as {
      unread: number;
    };
    expect(after.unread).toBe(0);
  });

  it('a progress report carries evidence judged by its content and size, kept on disk, through submit, return and approve with notifications', async () => {
    const rep = (
      await call(api.app, s.agency_editor as Session, {
        method: 'POST',
        url: `/api/projects/${t.projects.own}/progress`,
        payload: {
          period: '2026-Q3',
          physicalActualPercent: '45',
          financialActual: '1200000000',
          note: 'Đang thi công',
        },
      })
    ).json() as { id: string };
    const upload = (name: string, body: Buffer, who: Session = s.agency_editor as Session) =>
      api.app.inject({
        method: 'POST',
        url: `/api/project-progress/${rep.id}/evidence?filename=${encodeURIComponent(name)}`,
        headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': 'application/octet-stream' },
        payload: body,
      });
    const ok = await upload('Biên bản nghiệm thu.pdf', PDF);
    expect(ok.statusCode).toBe(201);
    const ev = ok.json() as { id: string; mediaType: string; filename: string; sizeBytes: number };
    expect(ev).toMatchObject({
      mediaType: 'application/pdf',
      filename: 'Biên bản nghiệm thu.pdf',
      sizeBytes: PDF.length,
    });
    // A script renamed .png is refused by its content; a file over the limit by its size; another agency by policy.
    const fake = await upload('anh.png', Buffer.from('<script>alert(1)</script>'));
    expect(fake.statusCode).toBe(400);
    expect(fake.json()).toMatchObject({ code: 'file_type_refused' });
    const big = await upload('lon.pdf', Buffer.concat([PDF, Buffer.alloc(2000, 0x20)]));
    expect([400, 413]).toContain(big.statusCode);
    expect((await upload('x.png', PNG, s.agency_editor_other as Session)).statusCode).toBe(403);
    // The file is on disk under the evidence folder, and reads back the same bytes with its name.
    const files = fs.readdirSync(path.join(dir, 'files', t.id));
    expect(files).toHaveLength(1);
    const got = await api.app.inject({
      method: 'GET',
      url: `/api/evidence/${ev.id}`,
      headers: { cookie: (s.reader as Session).cookie },
    });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(String(got.headers['content-disposition'])).toContain("filename*=UTF-8''Bi%C3%AAn");
    expect(Buffer.compare(got.rawPayload, PDF)).toBe(0);
    expect((await api.app.inject({ method: 'GET', url: `/api/evidence/${ev.id}` })).statusCode).toBe(401);
    expect(
      (
        await api.app.inject({
          method: 'GET',
          url: `/api/evidence/${ev.id}`,
          headers: { cookie: (s.stranger as Session).cookie },
        })
      ).statusCode,
    ).toBe(404);
    // Submit: the approvers are told an approval is due; the submitted report takes no more evidence.
    const sub = await call(api.app, s.agency_editor as Session, {
      method: 'POST',
      url: `/api/project-progress/${rep.id}/submit`,
      headers: { 'if-match': '1' },
    });
    expect(sub.statusCode).toBe(200);
    expect((await upload('them.png', PNG)).statusCode).toBe(409);
    const due = (await call(api.app, s.approver as Session, { method: 'GET', url: '/api/notifications' })).json() as {
      items: { kind: string; link: string }[];
    };
    expect(due.items[0]).toMatchObject({ kind: 'approval_due', link: `/progress/project/${t.projects.own}` });
    // Return with a reason: the editor is told, with the reason.
    await call(api.app, s.approver as Session, {
      method: 'POST',
      url: `/api/project-progress/${rep.id}/return`,
      headers: { 'if-match': '2' },
      payload: { comment: 'Thiếu số giải ngân' },
    });
    const back = (
      await call(api.app, s.agency_editor as Session, { method: 'GET', url: '/api/notifications?unread=true' })
    ).json() as {
      items: { kind: string; subject: string }[];
    };
    expect(back.items[0]?.kind).toBe('report_returned');
    expect(back.items[0]?.subject).toContain('Thiếu số giải ngân');
    // The list shows the evidence with its report.
    const list = (
      await call(api.app, s.reader as Session, { method: 'GET', url: `/api/projects/${t.projects.own}/progress` })
    ).json() as { items: { id: string; evidence: { id: string }[] }[] };
    expect(list.items.find((i) => i.id === rep.id)?.evidence.map((e) => e.id)).toEqual([ev.id]);
    // The public portal sees no evidence.
    const pub = (await api.app.inject({ method: 'GET', url: `/api/projects/${t.projects.own}/progress` })).json() as {
      items: unknown[];
    };
    expect(pub.items).toEqual([]);
  });

  it('saved views: pinned items in order, kept on the server, shared by link within the tenant only', async () => {
    const created = await call(api.app, s.plan_owner as Session, {
      method: 'POST',
      url: '/api/saved-views',
      payload: {
        name: 'Việc cần theo dõi',
        items: [
          { kind: 'project', id: t.projects.own },
          { kind: 'task', id: t.tasks.own },
        ],
      },
    });
    expect(created.statusCode).toBe(200);
    const v = created.json() as { id: string; version: number; items: { label: string }[] };
    expect(v.items.map((i) => i.label)).toEqual(['P1. Dự án P1', '1. Nhiệm vụ 1']);
    // Reordered: the second becomes first.
    const moved = (
      await call(api.app, s.plan_owner as Session, {
        method: 'POST',
        url: '/api/saved-views',
        payload: {
          id: v.id,
          version: v.version,
          name: 'Việc cần theo dõi',
          items: [
            { kind: 'task', id: t.tasks.own },
            { kind: 'project', id: t.projects.own },
          ],
        },
      })
    ).json() as { version: number; items: { kind: string }[] };
    expect(moved.items.map((i) => i.kind)).toEqual(['task', 'project']);
    // A new session (another device) sees it; a colleague opens the link but cannot change it; another tenant cannot.
    const again = await login(api.app, t.users.plan_owner.email);
    const mine = (await call(api.app, again, { method: 'GET', url: '/api/saved-views' })).json() as {
      items: { id: string }[];
    };
    expect(mine.items.map((i) => i.id)).toEqual([v.id]);
    const shared = await call(api.app, s.reader as Session, { method: 'GET', url: `/api/saved-views/${v.id}` });
    expect(shared.json()).toMatchObject({ mine: false, items: [{ kind: 'task' }, { kind: 'project' }] });
    const hijack = await call(api.app, s.reader as Session, {
      method: 'POST',
      url: '/api/saved-views',
      payload: { id: v.id, name: 'x', items: [] },
    });
    expect(hijack.statusCode).toBe(404);
    expect(
      (await call(api.app, s.stranger as Session, { method: 'GET', url: `/api/saved-views/${v.id}` })).statusCode,
    ).toBe(404);
    // Another tenant's item cannot be pinned; a stale version is refused.
    const foreign = await call(api.app, s.plan_owner as Session, {
      method: 'POST',
      url: '/api/saved-views',
      payload: { name: 'x', items: [{ kind: 'task', id: other.tasks.own }] },
    });
    expect(foreign.statusCode).toBe(400);
    const stale = await call(api.app, s.plan_owner as Session, {
      method: 'POST',
      url: '/api/saved-views',
      payload: { id: v.id, version: 1, name: 'x', items: [] },
    });
    expect(stale.statusCode).toBe(412);
  });

  it('an admin changes roles and deactivates an account (its sessions end), resets a password, and names owners; the audit log filters by who, what and when', async () => {
    const created = (
      await call(api.app, s.admin as Session, {
        method: 'POST',
        url: '/api/users',
        payload: { email: 'moi@col.test', displayName: 'Người mới', password: PASSWORD, roles: ['reader'] },
      })
    ).json() as { id: string };
    const victim = await login(api.app, 'moi@col.test');
    expect((await call(api.app, victim, { method: 'GET', url: '/api/auth/session' })).statusCode).toBe(200);
    const promoted = await call(api.app, s.admin as Session, {
      method: 'PATCH',
      url: `/api/users/${created.id}`,
      payload: { roles: ['approver'] },
    });
    expect(promoted.json()).toMatchObject({ roles: ['approver'], active: true });
    // Changing roles ends the sessions (the new roles apply at the next login).
    expect((await call(api.app, victim, { method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
    const second = await login(api.app, 'moi@col.test');
    const off = await call(api.app, s.admin as Session, {
      method: 'PATCH',
      url: `/api/users/${created.id}`,
      payload: { active: false },
    });
    expect(off.json()).toMatchObject({ active: false });
    expect((await call(api.app, second, { method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
    await expect(login(api.app, 'moi@col.test')).rejects.toThrow(/401/);
    // An admin cannot lock themselves out.
    const self = await call(api.app, s.admin as Session, {
      method: 'PATCH',
      url: `/api/users/${t.users.admin.id}`,
      payload: { active: false },
    });
    expect(self.statusCode).toBe(400);
    // Reset: a one-time password, changed at the next login.
    await call(api.app, s.admin as Session, {
      method: 'PATCH',
      url: `/api/users/${created.id}`,
      payload: { active: true },
    });
    const reset = await call(api.app, s.admin as Session, {
      method: 'POST',
      url: `/api/users/${created.id}/password`,
      payload: { password: 'mat-khau-tam-thoi-1' },
    });
    expect(reset.statusCode).toBe(200);
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'moi@col.test', password: 'mat-khau-tam-thoi-1' },
    });
    expect(res.json()).toMatchObject({ mustChangePassword: true });
    // Owners of a task and a project.
    const owner = await call(api.app, s.plan_owner as Session, {
      method: 'PATCH',
      url: `/api/tasks/${t.tasks.other}`,
      payload: { ownerAgencyId: t.agencies.own.id },
    });
    expect(owner.json()).toEqual({ id: t.tasks.other, ownerAgencyId: t.agencies.own.id });
    // The audit log: by who, what and when.
    const log = (
      await call(api.app, s.admin as Session, {
        method: 'GET',
        url: `/api/audit-log?actor=admin&action=deactivate&from=2020-01-01&to=2099-12-31`,
      })
    ).json() as { items: { action: string; entityId: string; at: string; actor: { label: string } }[] };
    expect(log.items.map((i) => [i.action, i.entityId])).toEqual([['deactivate', created.id]]);
    // Its time in ISO 8601 (UTC), which a browser's Date reads (the audit tab formats it in Vietnamese time).
    expect(log.items[0]?.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    expect(Math.abs(Date.parse(log.items[0]?.at ?? '') - Date.now())).toBeLessThan(10 * 60_000);
    const none = (
      await call(api.app, s.admin as Session, { method: 'GET', url: '/api/audit-log?action=deactivate&to=2000-01-01' })
    ).json() as { items: unknown[] };
    expect(none.items).toEqual([]);
    const resetRow = (
      await call(api.app, s.admin as Session, { method: 'GET', url: '/api/audit-log?action=reset_password' })
    ).json() as { items: { after: unknown }[] };
    expect(JSON.stringify(resetRow.items)).not.toContain('mat-khau');
  });

  it('a submitted figure tells the approvers; a returned one tells the person who entered it, with the reason (bell and e-mail)', async () => {
    const entered = await call(api.app, s.agency_editor as Session, {
      method: 'POST',
      url: '/api/observations',
      payload: { indicatorId: t.indicators.own, unitId: t.unitId, period: '2026', value: '96.5', status: 'estimate' },
    });
    expect(entered.statusCode, entered.body).toBe(201);
    const { id } = entered.json() as { id: string };
    const move = (who: Session, verb: string, version: number, payload?: unknown) =>
      call(api.app, who, {
        method: 'POST',
        url: `/api/observations/${id}/${verb}`,
        headers: { 'if-match': `"${version}"` },
        ...(payload ? { payload } : {}),
      });
    expect((await move(s.agency_editor as Session, 'submit', 1)).statusCode).toBe(200);
    // The approvers are told an approval is due, with a link to the worklist of that period.
    const due = (
      await call(api.app, s.approver as Session, { method: 'GET', url: '/api/notifications?unread=true' })
    ).json() as { items: { kind: string; subject: string; link: string }[] };
    expect(due.items.filter((i) => i.subject.startsWith('Số liệu chỉ tiêu I1'))).toMatchObject([
      {
        kind: 'approval_due',
        subject: 'Số liệu chỉ tiêu I1 kỳ 2026 chờ duyệt',
        link: `/plans/${t.planCode}/worklist?period=2026`,
      },
    ]);
    await expect.poll(() => smtp.mails.some((m) => m.to.includes(t.users.approver.email))).toBe(true);
    const mailsBefore = smtp.mails.length;
    // A return refused for want of a reason tells nobody.
    expect((await move(s.approver as Session, 'return', 2, { comment: '  ' })).statusCode).toBe(400);
    expect((await move(s.approver as Session, 'return', 2, { comment: 'Thiếu nguồn số liệu' })).statusCode).toBe(200);
    const bell = (
      await call(api.app, s.agency_editor as Session, { method: 'GET', url: '/api/notifications?unread=true' })
    ).json() as { items: { kind: string; subject: string; link: string }[] };
    const told = bell.items.filter((i) => i.kind === 'figure_returned');
    expect(told).toEqual([
      {
        kind: 'figure_returned',
        subject: 'Số liệu chỉ tiêu I1 kỳ 2026 bị trả lại: Thiếu nguồn số liệu',
        link: `/plans/${t.planCode}/inbox`,
        id: expect.any(String),
        createdAt: expect.any(String),
        readAt: null,
      },
    ]);
    // Nobody else is told (the approver, the other agency's editor).
    for (const who of ['approver', 'agency_editor_other'] as const) {
      const theirs = (await call(api.app, s[who] as Session, { method: 'GET', url: '/api/notifications' })).json() as {
        items: { kind: string }[];
      };
      expect(theirs.items.map((i) => i.kind)).not.toContain('figure_returned');
    }
    // The e-mail, to the submitter only, with the reason and the absolute link to the inbox.
    await expect.poll(() => smtp.mails.length).toBe(mailsBefore + 1);
    const mail = smtp.mails.at(-1) as Mail;
    expect(mail.to).toEqual([t.users.agency_editor.email]);
    const body = (mail.data ?? '').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    expect(body).toContain(`https://chitieu.example.vn/plans/${t.planCode}/inbox`);
  });
});

describe('without SMTP configured nothing is e-mailed', () => {
  it('has no mailer', async () => {
    const { openMailer } = await import('../../src/services/notifications/mailer.ts');
    expect(openMailer({ smtp: null, publicUrl: null })).toBeNull();
  });
});
