// Administration: accounts (create, roles, deactivate — their sessions end —, reset password), agencies and which
// agency owns which indicator, task and project, administrative units (list, end), and the audit log filtered by
// who, what and when. Every write goes through the API's services and is audited there.
import { Button, Checkbox, NativeSelect, Tabs, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client.ts';
import { csrf, problemOf, type SessionInfo } from '../data/staff.ts';
import { useAdminT } from '../i18n/admin-messages.ts';
import { useLocale } from '../i18n/locale.tsx';
import { ROLES } from '../../../src/services/context.ts';
import { FormError, Saved, SignedIn } from './staff-parts.tsx';
import { usePlans } from '../data/queries.ts';

const ROLE_WORDS: Record<string, { vi: string; en: string }> = {
  admin: { vi: 'Quản trị', en: 'Admin' },
  plan_owner: { vi: 'Lãnh đạo, chủ trì kế hoạch', en: 'Plan owner (leader)' },
  agency_editor: { vi: 'Cán bộ nhập liệu của cơ quan', en: 'Agency editor' },
  approver: { vi: 'Người phê duyệt', en: 'Approver' },
  reader: { vi: 'Người xem', en: 'Reader' },
  inspector: { vi: 'Thanh tra', en: 'Inspector' },
  commune_editor: { vi: 'Cán bộ nhập liệu cấp xã', en: 'Commune editor' },
};

interface Agency {
  id: string;
  code: string;
  name: string;
}
interface UserItem {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  /** A commune editor's commune. */
  commune: { code: string; name: string } | null;
  active: boolean;
}
interface Unit {
  id: string;
  code: string;
  name: string;
  level: string;
  validTo: string | null;
}
interface AuditItem {
  id: string;
  at: string;
  actor: { label: string };
  action: string;
  entity: string;
  entityId: string | null;
  reason: string | null;
}
type Coded = { id: string; code: string; title?: string; name?: string };

function useAgencies() {
  return useQuery({
    queryKey: ['agencies'],
    queryFn: async () =>
      unwrap(await api.GET('/api/agencies', { params: { query: { limit: 200 } } })).items as Agency[],
  });
}

/** The units of the tenant (one page of 200: a province has at most a few hundred communes). */
function useUnits() {
  return useQuery({
    queryKey: ['units-admin'],
    queryFn: async () => unwrap(await api.GET('/api/units', { params: { query: { limit: 200 } } })).items as Unit[],
  });
}

/** Commune-level units in force: xã, phường, đặc khu (a commune editor answers for one of them). */
const COMMUNE_LEVELS = new Set(['commune', 'ward', 'special_zone']);

function Users({ session }: { session: SessionInfo }) {
  const a = useAdminT();
  const { locale } = useLocale();
  const qc = useQueryClient();
  const agencies = useAgencies();
  const users = useQuery({
    queryKey: ['users'],
    queryFn: async () => unwrap(await api.GET('/api/users', { params: { query: { limit: 200 } } })).items as UserItem[],
  });
  const units = useUnits();
  const empty = { email: '', displayName: '', password: '', role: 'reader', agencyId: '', unitCode: '' };
  const [form, setForm] = useState(empty);
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [done, setDone] = useState(false);
  const communeEditor = form.role === 'commune_editor';
  const create = useMutation({
    mutationFn: async () => {
      const r = await api.POST('/api/users', {
        body: {
          email: form.email,
          displayName: form.displayName,
          password: form.password,
          roles: [form.role as (typeof ROLES)[number]],
          agencyId: form.agencyId || null,
          // A commune editor's commune: required by the server for that role, never sent for another.
          ...(communeEditor ? { unitCode: form.unitCode || null } : {}),
        },
        headers: csrf(session),
      });
      if (!r.response.ok) throw r.error;
      return r.data;
    },
    onSuccess: () => {
      setError(null);
      setDone(true);
      setForm(empty);
      void qc.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (e) => setError(problemOf(e, locale)),
  });
  const agencyOptions = [
    { value: '', label: a.noAgency },
    ...(agencies.data ?? []).map((g) => ({ value: g.id, label: g.name })),
  ];
  const communeOptions = [
    { value: '', label: a.chooseCommune },
    ...(units.data ?? [])
      .filter((u) => COMMUNE_LEVELS.has(u.level) && u.validTo === null)
      .map((u) => ({ value: u.code, label: `${u.name} (${u.code})` })),
  ];
  return (
    <>
      <form
        className="staff-form"
        data-testid="user-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!create.isPending) create.mutate();
        }}
      >
        <h2>{a.createUser}</h2>
        <TextInput
          label={a.email}
          type="email"
          required
          value={form.email}
          onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
          error={error?.fields.email}
          data-testid="user-email"
        />
        <TextInput
          label={a.displayName}
          required
          value={form.displayName}
          onChange={(e) => setForm({ ...form, displayName: e.currentTarget.value })}
          error={error?.fields.displayName}
          data-testid="user-name"
        />
        <TextInput
          label={a.password}
          type="password"
          required
          autoComplete="new-password"
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
          error={error?.fields.password}
          data-testid="user-password"
        />
        <NativeSelect
          label={a.roles}
          value={form.role}
          onChange={(e) => setForm({ ...form, role: e.currentTarget.value })}
          data={ROLES.map((r) => ({ value: r, label: ROLE_WORDS[r]?.[locale] ?? r }))}
          data-testid="user-role"
        />
        <NativeSelect
          label={a.agency}
          value={form.agencyId}
          onChange={(e) => setForm({ ...form, agencyId: e.currentTarget.value })}
          data={agencyOptions}
          error={error?.fields.agencyId}
          data-testid="user-agency"
        />
        {communeEditor ? (
          <NativeSelect
            label={a.commune}
            description={a.communeHelp}
            required
            value={form.unitCode}
            onChange={(e) => setForm({ ...form, unitCode: e.currentTarget.value })}
            data={communeOptions}
            error={error?.fields.unitCode}
            data-testid="user-commune"
          />
        ) : null}
        <Button color="#9b1c1c" type="submit" loading={create.isPending} data-testid="user-create">
          {a.createUser}
        </Button>
        <FormError message={error?.message ?? null} />
        <Saved show={done && !error} />
      </form>
      <div className="table-wrap">
        <table className="data" data-testid="users">
          <caption className="sr-only">{a.tabUsers}</caption>
          <thead>
            <tr>
              <th scope="col">{a.email}</th>
              <th scope="col">{a.displayName}</th>
              <th scope="col">{a.roles}</th>
              <th scope="col">{a.commune}</th>
              <th scope="col">{a.active}</th>
            </tr>
          </thead>
          <tbody>
            {(users.data ?? []).map((u) => (
              <UserRow key={u.id} user={u} session={session} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function UserRow({ user, session }: { user: UserItem; session: SessionInfo }) {
  const a = useAdminT();
  const { locale } = useLocale();
  const qc = useQueryClient();
  const [roles, setRoles] = useState<string[]>(user.roles);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const patch = useMutation({
    mutationFn: async (body: { roles?: string[]; active?: boolean }) => {
      const r = await api.PATCH('/api/users/{id}', {
        params: { path: { id: user.id } },
        body: body as { roles?: (typeof ROLES)[number][]; active?: boolean },
        headers: csrf(session),
      });
      if (!r.response.ok) throw r.error;
    },
    onSuccess: () => {
      setError(null);
      void qc.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (e) => setError(problemOf(e, locale).message),
  });
  const reset = useMutation({
    mutationFn: async () => {
      const r = await api.POST('/api/users/{id}/password', {
        params: { path: { id: user.id } },
        body: { password },
        headers: csrf(session),
      });
      if (!r.response.ok) throw r.error;
    },
    onSuccess: () => {
      setPassword('');
      setError(null);
    },
    onError: (e) => setError(problemOf(e, locale).message),
  });
  return (
    <tr data-user={user.email} data-active={String(user.active)}>
      <td>{user.email}</td>
      <td>{user.displayName}</td>
      <td>
        <fieldset className="roles">
          <legend className="sr-only">
            {a.roles}: {user.email}
          </legend>
          {ROLES.map((r) => (
            <Checkbox
              key={r}
              size="xs"
              label={ROLE_WORDS[r]?.[locale] ?? r}
              checked={roles.includes(r)}
              data-role={r}
              onChange={(e) => setRoles(e.currentTarget.checked ? [...roles, r] : roles.filter((x) => x !== r))}
            />
          ))}
        </fieldset>
        <Button
          color="#9b1c1c"
          size="xs"
          variant="light"
          disabled={roles.length === 0 || patch.isPending}
          onClick={() => patch.mutate({ roles })}
          data-testid="save-roles"
        >
          {a.saveRoles}
        </Button>
        <FormError message={error} />
      </td>
      <td data-testid="user-commune">{user.commune ? `${user.commune.name} (${user.commune.code})` : '—'}</td>
      <td>
        <span className="state">{user.active ? a.active : a.inactive}</span>{' '}
        <Button
          color="#9b1c1c"
          size="xs"
          variant="outline"
          disabled={patch.isPending}
          onClick={() => patch.mutate({ active: !user.active })}
          data-testid="toggle-active"
        >
          {user.active ? a.deactivate : a.reactivate}
        </Button>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!reset.isPending) reset.mutate();
          }}
        >
          <TextInput
            size="xs"
            type="password"
            autoComplete="new-password"
            label={`${a.newPassword} (${user.email})`}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button color="#9b1c1c" size="xs" type="submit" variant="subtle" disabled={password.length < 12}>
            {a.resetPassword}
          </Button>
        </form>
      </td>
    </tr>
  );
}

function Agencies({ session }: { session: SessionInfo }) {
  const a = useAdminT();
  const { locale } = useLocale();
  const qc = useQueryClient();
  const agencies = useAgencies();
  const plans = usePlans();
  const [agency, setAgency] = useState({ code: '', name: '' });
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [assign, setAssign] = useState({ kind: 'task', plan: '', id: '', agencyId: '' });
  const [assignError, setAssignError] = useState<string | null>(null);
  const [assigned, setAssigned] = useState(false);
  const plan = assign.plan || plans.data?.[0]?.code || '';
  const items = useQuery({
    queryKey: ['owned-items', assign.kind, plan],
    enabled: !!plan,
    queryFn: async () => {
      const query = { params: { query: { plan, limit: 200 } } };
      const rows = (
        assign.kind === 'task'
          ? unwrap(await api.GET('/api/tasks', query)).items
          : assign.kind === 'project'
            ? unwrap(await api.GET('/api/projects', query)).items
            : unwrap(await api.GET('/api/indicators', query)).items
      ) as Coded[];
      return rows.map((i) => ({ id: i.id, label: `${i.code}. ${i.title ?? i.name ?? ''}` }));
    },
  });
  const create = useMutation({
    mutationFn: async () => {
      const r = await api.POST('/api/agencies', { body: agency, headers: csrf(session) });
      if (!r.response.ok) throw r.error;
    },
    onSuccess: () => {
      setAgency({ code: '', name: '' });
      setError(null);
      void qc.invalidateQueries({ queryKey: ['agencies'] });
    },
    onError: (e) => setError(problemOf(e, locale)),
  });
  const give = useMutation({
    mutationFn: async () => {
      const body = { ownerAgencyId: assign.agencyId || null };
      const opts = { params: { path: { id: assign.id } }, body, headers: csrf(session) };
      const r =
        assign.kind === 'task'
          ? await api.PATCH('/api/tasks/{id}', opts)
          : assign.kind === 'project'
            ? await api.PATCH('/api/projects/{id}', opts)
            : await api.PATCH('/api/indicators/{id}', opts);
      if (!r.response.ok) throw r.error;
    },
    onSuccess: () => {
      setAssignError(null);
      setAssigned(true);
    },
    onError: (e) => setAssignError(problemOf(e, locale).message),
  });
  return (
    <div className="staff-columns">
      <form
        className="staff-form"
        data-testid="agency-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!create.isPending) create.mutate();
        }}
      >
        <h2>{a.createAgency}</h2>
        <TextInput
          label={a.code}
          required
          value={agency.code}
          onChange={(e) => setAgency({ ...agency, code: e.currentTarget.value })}
          error={error?.fields.code}
        />
        <TextInput
          label={a.name}
          required
          value={agency.name}
          onChange={(e) => setAgency({ ...agency, name: e.currentTarget.value })}
          error={error?.fields.name}
        />
        <Button color="#9b1c1c" type="submit" loading={create.isPending}>
          {a.createAgency}
        </Button>
        <FormError message={error?.message ?? null} />
        <ul className="plain-list" data-testid="agencies">
          {(agencies.data ?? []).map((g) => (
            <li key={g.id}>
              {g.name} <span className="muted">({g.code})</span>
            </li>
          ))}
        </ul>
      </form>
      <form
        className="staff-form"
        data-testid="owner-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!give.isPending && assign.id) give.mutate();
        }}
      >
        <h2>{a.assignOwner}</h2>
        <NativeSelect
          label={a.plan}
          value={plan}
          onChange={(e) => setAssign({ ...assign, plan: e.currentTarget.value, id: '' })}
          data={(plans.data ?? []).map((p) => ({ value: p.code, label: p.name }))}
        />
        <NativeSelect
          label={a.itemKind}
          value={assign.kind}
          onChange={(e) => setAssign({ ...assign, kind: e.currentTarget.value, id: '' })}
          data={[
            { value: 'task', label: a.kindTask },
            { value: 'project', label: a.kindProject },
            { value: 'indicator', label: a.kindIndicator },
          ]}
        />
        <NativeSelect
          label={a.item}
          value={assign.id}
          onChange={(e) => setAssign({ ...assign, id: e.currentTarget.value })}
          data={[{ value: '', label: '—' }, ...(items.data ?? []).map((i) => ({ value: i.id, label: i.label }))]}
          data-testid="owner-item"
        />
        <NativeSelect
          label={a.agency}
          value={assign.agencyId}
          onChange={(e) => setAssign({ ...assign, agencyId: e.currentTarget.value })}
          data={[
            { value: '', label: a.noAgency },
            ...(agencies.data ?? []).map((g) => ({ value: g.id, label: g.name })),
          ]}
          data-testid="owner-agency"
        />
        <Button color="#9b1c1c" type="submit" loading={give.isPending} disabled={!assign.id} data-testid="owner-assign">
          {a.assign}
        </Button>
        <FormError message={assignError} />
        <Saved show={assigned && !assignError} />
      </form>
    </div>
  );
}

function Units({ session }: { session: SessionInfo }) {
  const a = useAdminT();
  const { locale, date } = useLocale();
  const qc = useQueryClient();
  const units = useUnits();
  const [form, setForm] = useState({ code: '', validTo: '', reason: '' });
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const end = useMutation({
    mutationFn: async () => {
      const r = await api.POST('/api/units/{code}/end', {
        params: { path: { code: form.code } },
        body: { validTo: form.validTo || null, reason: form.reason },
        headers: csrf(session),
      });
      if (!r.response.ok) throw r.error;
    },
    onSuccess: () => {
      setError(null);
      void qc.invalidateQueries({ queryKey: ['units-admin'] });
    },
    onError: (e) => setError(problemOf(e, locale)),
  });
  return (
    <div className="staff-columns">
      <form
        className="staff-form"
        data-testid="unit-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!end.isPending) end.mutate();
        }}
      >
        <h2>{a.endUnit}</h2>
        <TextInput
          label={a.code}
          required
          value={form.code}
          onChange={(e) => setForm({ ...form, code: e.currentTarget.value })}
        />
        <TextInput
          label={a.validTo}
          type="date"
          value={form.validTo}
          onChange={(e) => setForm({ ...form, validTo: e.currentTarget.value })}
          error={error?.fields.validTo}
        />
        <TextInput
          label={a.reason}
          required
          value={form.reason}
          onChange={(e) => setForm({ ...form, reason: e.currentTarget.value })}
          error={error?.fields.reason}
        />
        <Button color="#9b1c1c" type="submit" loading={end.isPending}>
          {a.endUnit}
        </Button>
        <FormError message={error?.message ?? null} />
      </form>
      <div className="table-wrap">
        <table className="data" data-testid="units">
          <caption className="sr-only">{a.tabUnits}</caption>
          <thead>
            <tr>
              <th scope="col">{a.code}</th>
              <th scope="col">{a.name}</th>
              <th scope="col">{a.level}</th>
              <th scope="col">{a.validTo}</th>
            </tr>
          </thead>
          <tbody>
            {(units.data ?? []).map((u) => (
              <tr key={u.id}>
                <td>{u.code}</td>
                <td>{u.name}</td>
                <td>{u.level}</td>
                <td>{u.validTo ? date(u.validTo) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Audit() {
  const a = useAdminT();
  const { locale } = useLocale();
  const [draft, setDraft] = useState({ actor: '', action: '', from: '', to: '' });
  const [filter, setFilter] = useState(draft);
  const log = useQuery({
    queryKey: ['audit', filter],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/audit-log', {
          params: {
            query: {
              limit: 100,
              ...(filter.actor ? { actor: filter.actor } : {}),
              ...(filter.action ? { action: filter.action } : {}),
              ...(filter.from ? { from: filter.from } : {}),
              ...(filter.to ? { to: filter.to } : {}),
            },
          },
        }),
      ).items as AuditItem[],
  });
  const fmt = new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'medium',
    timeZone: 'Asia/Ho_Chi_Minh',
  });
  return (
    <>
      <form
        className="staff-form filters"
        data-testid="audit-form"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter(draft);
        }}
      >
        <TextInput
          label={a.auditWho}
          value={draft.actor}
          onChange={(e) => setDraft({ ...draft, actor: e.currentTarget.value })}
          data-testid="audit-actor"
        />
        <TextInput
          label={a.auditWhat}
          value={draft.action}
          onChange={(e) => setDraft({ ...draft, action: e.currentTarget.value })}
          data-testid="audit-action"
        />
        <TextInput
          label={a.auditFrom}
          type="date"
          value={draft.from}
          onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
        />
        <TextInput
          label={a.auditTo}
          type="date"
          value={draft.to}
          onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
        />
        <Button color="#9b1c1c" type="submit" data-testid="audit-filter">
          {a.filter}
        </Button>
      </form>
      <div className="table-wrap">
        <table className="data" data-testid="audit">
          <caption className="sr-only">{a.tabAudit}</caption>
          <thead>
            <tr>
              <th scope="col">{a.auditWhen}</th>
              <th scope="col">{a.auditWho}</th>
              <th scope="col">{a.auditWhat}</th>
              <th scope="col">{a.auditEntity}</th>
              <th scope="col">{a.reason}</th>
            </tr>
          </thead>
          <tbody>
            {(log.data ?? []).map((e) => (
              <tr key={e.id} data-action={e.action}>
                <td>{fmt.format(new Date(e.at))}</td>
                <td>{e.actor.label}</td>
                <td>{e.action}</td>
                <td>
                  {e.entity} <span className="muted">{e.entityId?.slice(0, 8)}</span>
                </td>
                <td>{e.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function AdminPage() {
  const a = useAdminT();
  return (
    <SignedIn>
      {(session) => {
        const admin = session.user.roles.includes('admin');
        return (
          <section data-testid="admin">
            <h1>{a.adminTitle}</h1>
            <Tabs defaultValue={admin ? 'users' : 'audit'} keepMounted={false}>
              <Tabs.List>
                {admin && <Tabs.Tab value="users">{a.tabUsers}</Tabs.Tab>}
                {admin && <Tabs.Tab value="agencies">{a.tabAgencies}</Tabs.Tab>}
                {admin && <Tabs.Tab value="units">{a.tabUnits}</Tabs.Tab>}
                <Tabs.Tab value="audit" data-testid="tab-audit">
                  {a.tabAudit}
                </Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="users">
                <Users session={session} />
              </Tabs.Panel>
              <Tabs.Panel value="agencies">
                <Agencies session={session} />
              </Tabs.Panel>
              <Tabs.Panel value="units">
                <Units session={session} />
              </Tabs.Panel>
              <Tabs.Panel value="audit">
                <Audit />
              </Tabs.Panel>
            </Tabs>
          </section>
        );
      }}
    </SignedIn>
  );
}
