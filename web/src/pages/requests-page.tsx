// Requests for explanation. With ?itemKind=&itemId= it is the round trip of one target, task or project: every
// request with its dates and answer, the leader's form to send one, the agency's form to answer in place. Without
// them it is the list of requests (an agency editor's own agency by default), open or overdue ones first.
import { Button, Checkbox, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouterState } from '@tanstack/react-router';
import { useState } from 'react';
import { api, unwrap } from '../api/client.ts';
import { csrf, hasRole, problemOf, type SessionInfo } from '../data/staff.ts';
import { useAdminT } from '../i18n/admin-messages.ts';
import { useLocale } from '../i18n/locale.tsx';
import { FormError, SignedIn, useKindWord } from './staff-parts.tsx';

type ItemKind = 'target' | 'task' | 'project';
interface Request {
  id: string;
  item: { kind: ItemKind; id: string; label: string | null };
  agency: { id: string; name: string };
  question: string;
  deadline: string;
  requestedBy: string | null;
  requestedAt: string;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  overdue: boolean;
}

function RequestCard({ r, session }: { r: Request; session: SessionInfo }) {
  const a = useAdminT();
  const { date, locale } = useLocale();
  const kindWord = useKindWord();
  const qc = useQueryClient();
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<string | null>(null);
  const canAnswer =
    hasRole(session, 'admin', 'plan_owner') ||
    (hasRole(session, 'agency_editor') && session.user.agencyId === r.agency.id);
  const send = useMutation({
    mutationFn: async () => {
      const res = await api.POST('/api/explanation-requests/{id}/answer', {
        params: { path: { id: r.id } },
        body: { answer },
        headers: csrf(session),
      });
      if (!res.response.ok) throw res.error;
    },
    onSuccess: () => {
      setAnswer('');
      setError(null);
      void qc.invalidateQueries({ queryKey: ['requests'] });
    },
    onError: (e) => setError(problemOf(e, locale).message),
  });
  return (
    <li className="request" data-testid="request" data-overdue={String(r.overdue)} data-answered={String(!!r.answer)}>
      <p>
        <strong>
          {kindWord(r.item.kind)}: {r.item.label}
        </strong>{' '}
        → {r.agency.name} ·{' '}
        <span className={r.overdue ? 'badge-overdue' : 'muted'}>
          {a.deadline} {date(r.deadline)}
          {r.overdue ? ` · ${a.overdue}` : r.answer ? '' : ` · ${a.waiting}`}
        </span>
      </p>
      <blockquote>
        <p>{r.question}</p>
        <footer className="muted">{a.askedBy(r.requestedBy ?? '—', date(r.requestedAt))}</footer>
      </blockquote>
      {r.answer && (
        <blockquote className="answer" data-testid="answer">
          <p>{r.answer}</p>
          <footer className="muted">{a.answeredBy(r.answeredBy ?? '—', date(r.answeredAt ?? ''))}</footer>
        </blockquote>
      )}
      {canAnswer && (
        <form
          className="staff-form"
          data-testid="answer-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!send.isPending && answer.trim()) send.mutate();
          }}
        >
          <Textarea
            label={`${a.answer}: ${r.item.label ?? ''}`}
            value={answer}
            onChange={(e) => setAnswer(e.currentTarget.value)}
            autosize
            minRows={2}
            data-testid="answer-text"
          />
          <Button
            color="#9b1c1c"
            type="submit"
            size="xs"
            loading={send.isPending}
            disabled={!answer.trim()}
            data-testid="answer-send"
          >
            {a.sendAnswer}
          </Button>
          <FormError message={error} />
        </form>
      )}
    </li>
  );
}

function SendForm({ kind, id, session }: { kind: ItemKind; id: string; session: SessionInfo }) {
  const a = useAdminT();
  const { locale } = useLocale();
  const qc = useQueryClient();
  const [form, setForm] = useState({ question: '', deadline: '' });
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const send = useMutation({
    mutationFn: async () => {
      const r = await api.POST('/api/explanation-requests', {
        body: { itemKind: kind, itemId: id, question: form.question, deadline: form.deadline },
        headers: csrf(session),
      });
      if (!r.response.ok) throw r.error;
    },
    onSuccess: () => {
      setForm({ question: '', deadline: '' });
      setError(null);
      void qc.invalidateQueries({ queryKey: ['requests'] });
    },
    onError: (e) => setError(problemOf(e, locale)),
  });
  return (
    <form
      className="staff-form"
      data-testid="request-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!send.isPending) send.mutate();
      }}
    >
      <h2>{a.send}</h2>
      <Textarea
        label={a.question}
        required
        autosize
        minRows={3}
        value={form.question}
        onChange={(e) => setForm({ ...form, question: e.currentTarget.value })}
        error={error?.fields.question}
        data-testid="request-question"
      />
      <TextInput
        label={a.deadline}
        type="date"
        required
        value={form.deadline}
        onChange={(e) => setForm({ ...form, deadline: e.currentTarget.value })}
        error={error?.fields.deadline}
        data-testid="request-deadline"
      />
      <Button color="#9b1c1c" type="submit" loading={send.isPending} data-testid="request-send">
        {a.send}
      </Button>
      <FormError message={error?.message ?? null} />
    </form>
  );
}

export function RequestsPage() {
  const a = useAdminT();
  const searchStr = useRouterState({ select: (s) => s.location.searchStr });
  const q = new URLSearchParams(searchStr);
  const itemKind = q.get('itemKind') as ItemKind | null;
  const itemId = q.get('itemId');
  const [open, setOpen] = useState(false);
  const [overdue, setOverdue] = useState(false);
  return (
    <SignedIn>
      {(session) => (
        <RequestsBody
          session={session}
          itemKind={itemKind}
          itemId={itemId}
          open={open}
          overdue={overdue}
          controls={
            !itemId && (
              <div className="filters">
                <Checkbox label={a.onlyOpen} checked={open} onChange={(e) => setOpen(e.currentTarget.checked)} />
                <Checkbox
                  label={a.onlyOverdue}
                  checked={overdue}
                  onChange={(e) => setOverdue(e.currentTarget.checked)}
                  data-testid="only-overdue"
                />
              </div>
            )
          }
        />
      )}
    </SignedIn>
  );
}

function RequestsBody(p: {
  session: SessionInfo;
  itemKind: ItemKind | null;
  itemId: string | null;
  open: boolean;
  overdue: boolean;
  controls: React.ReactNode;
}) {
  const a = useAdminT();
  const agencyId = !p.itemId && hasRole(p.session, 'agency_editor') ? p.session.user.agencyId : null;
  const list = useQuery({
    queryKey: ['requests', p.itemKind, p.itemId, agencyId, p.open, p.overdue],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/explanation-requests', {
          params: {
            query: {
              ...(p.itemKind && p.itemId ? { itemKind: p.itemKind, itemId: p.itemId } : {}),
              ...(agencyId ? { agencyId } : {}),
              ...(p.open ? { open: true } : {}),
              ...(p.overdue ? { overdue: true } : {}),
            },
          },
        }),
      ).items as Request[],
  });
  return (
    <section data-testid="requests">
      <h1>{p.itemId ? a.requestsOf : a.requestsTitle}</h1>
      {p.itemKind && p.itemId && p.itemKind !== 'target' && (
        <p>
          <a href={`/progress/${p.itemKind}/${p.itemId}`}>{a.report}</a>
        </p>
      )}
      {p.controls}
      {list.data && list.data.length === 0 && <p className="muted">{a.noRequests}</p>}
      <ul className="requests">
        {(list.data ?? []).map((r) => (
          <RequestCard key={r.id} r={r} session={p.session} />
        ))}
      </ul>
      {p.itemKind && p.itemId && hasRole(p.session, 'admin', 'plan_owner') && (
        <SendForm kind={p.itemKind} id={p.itemId} session={p.session} />
      )}
    </section>
  );
}
