// Phê duyệt: the approver's worklist. Submitted figures of a plan by agency and period, each with what changed
// since the last approved value, the plausibility flags and the editor's confirmation; approve, or return with a
// reason. One's own figure cannot be approved (four eyes: the API refuses; here the buttons say why). An approval
// answers with the verdicts it moved, listed at the top.
import { Alert, Button, Group, NativeSelect, Paper, Stack, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import '../entry.css';
import type { ObservationView } from '../../../src/services/observations/present-observation.ts';
import { api } from '../api/client.ts';
import { Loading, LoadError } from '../components/states.tsx';
import { useAgencies, useWorklist } from '../data/entry-queries.ts';
import { usePlans } from '../data/queries.ts';
import { may, useSession, type Problem } from '../data/session.tsx';
import { useAccountT } from '../i18n/account-messages.ts';
import { isPrinted, statusWord } from '../vocabulary.ts';
import { StatusBadge } from '../components/status-badge.tsx';
import type { WorklistSearch } from '../search-params.ts';

interface Moved {
  targetId: string;
  indicator: { code: string; name: string };
  target: string;
  before: { status: string | null; word: string | null } | null;
  after: { status: string | null; word: string | null };
}

function Verdict({ status, word }: { status: string | null; word: string | null }) {
  const { locale } = useAccountT();
  if (!isPrinted(status)) return <span>{word ?? '—'}</span>;
  return (
    <StatusBadge
      status={status}
      text={locale === 'vi' ? (word ?? statusWord(status, 'vi')) : statusWord(status, 'en')}
    />
  );
}

function WorkItem({ o, userId, onMoved }: { o: ObservationView; userId: string; onMoved: (m: Moved[]) => void }) {
  const { a, locale, date } = useAccountT();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const latest = o.latest;
  if (!latest) return null;
  const own = latest.enteredBy === userId;
  const id = `w-${o.id}`;
  const act = async (verb: 'approve' | 'return') => {
    if (busy) return;
    if (verb === 'return' && reason.trim() === '') {
      setReasonError(a.returnReasonRequired);
      return;
    }
    setReasonError(null);
    setBusy(true);
    setProblem(null);
    try {
      const params = { path: { id: o.id }, header: { 'if-match': `"${o.version}"` } };
      const r =
        verb === 'approve'
          ? await api.POST('/api/observations/{id}/approve', { params, body: {} })
          : await api.POST('/api/observations/{id}/return', { params, body: { comment: reason.trim() } });
      if (!r.data) {
        setProblem({ ...((r.error as Problem | undefined) ?? {}), status: r.response.status });
        return;
      }
      if (verb === 'approve') onMoved(((r.data as { changes?: Moved[] }).changes ?? []) as Moved[]);
      await qc.invalidateQueries({
        predicate: (q) =>
          ['worklist', 'evaluations', 'inbox', 'evaluation-changes', 'observations'].includes(String(q.queryKey[0])),
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper
      component="article"
      withBorder
      p="md"
      aria-labelledby={`${id}-title`}
      data-testid="work-item"
      data-indicator={o.indicator.code}
      data-period={o.period}
    >
      <Title order={2} size="h4" id={`${id}-title`}>
        <span className="code">{o.indicator.code}</span> {o.indicator.name} · {o.period} · {o.unit.name}
      </Title>
      <dl className="entry-context">
        <dt>{a.submittedValue}</dt>
        <dd data-testid="submitted-value">
          <strong>{latest.valueText ?? '—'}</strong> ({a.stages[latest.status] ?? latest.status})
          {latest.sourceText ? ` · ${latest.sourceText}` : ''}
        </dd>
        <dt>{a.lastApproved}</dt>
        <dd data-testid="last-approved">
          {o.approved
            ? `${o.approved.valueText ?? '—'} (${date(o.approved.approvedAt ?? o.approved.enteredAt)})`
            : a.none}
        </dd>
        <dt>{a.enteredOn}</dt>
        <dd>{date(latest.enteredAt)}</dd>
      </dl>
      {latest.plausibility && (
        <Alert color="yellow" role="note" title={a.flags} mb="sm" data-testid="work-flags">
          <ul>
            {latest.plausibility.flags.map((f) => (
              <li key={f.code}>{f.messages[locale]}</li>
            ))}
          </ul>
          <p>{a.confirmedBecause(latest.plausibility.reason)}</p>
        </Alert>
      )}
      {own && (
        <p className="muted" id={`${id}-own`} data-testid="own-figure">
          {a.ownFigure}
        </p>
      )}
      <Stack gap="xs">
        <Textarea
          id={`${id}-reason`}
          label={a.returnReason}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={reasonError}
          disabled={own || busy}
          autosize
          minRows={2}
          data-testid="return-reason"
        />
        {problem && (
          <Alert color="red" role="alert" data-testid="problem">
            {problem.messages?.[locale] ?? `HTTP ${problem.status ?? ''}`}
          </Alert>
        )}
        <Group>
          <Button
            color="red.9"
            onClick={() => void act('approve')}
            disabled={own}
            loading={busy}
            aria-describedby={own ? `${id}-own` : undefined}
            data-testid="approve"
          >
            {a.approve}
          </Button>
          <Button
            color="red.9"
            variant="outline"
            onClick={() => void act('return')}
            disabled={own}
            loading={busy}
            aria-describedby={own ? `${id}-own` : undefined}
            data-testid="return"
          >
            {a.returnIt}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function WorklistPage() {
  const { plan } = useParams({ strict: false }) as { plan: string };
  const { a } = useAccountT();
  const { user, pending } = useSession();
  const allowed = may(user, 'observation.review');
  // The agency and period chosen live in the URL (like the plan pages' filters): a link or a reload keeps them.
  const search = useSearch({ strict: false }) as WorklistSearch;
  const navigate = useNavigate();
  const agency = search.agency ?? '';
  const period = search.period === undefined ? '' : String(search.period);
  const setSearch = (patch: WorklistSearch) =>
    void navigate({ to: '.', search: (prev: WorklistSearch) => ({ ...prev, ...patch }), replace: true } as never);
  const [moved, setMoved] = useState<Moved[] | null>(null);
  const agencies = useAgencies(allowed);
  const plans = usePlans();
  const list = useWorklist(plan, agency, period, allowed);
  if (pending) return <Loading />;
  if (!user)
    return (
      <p>
        {a.needLogin} <Link to="/login">{a.navLogin}</Link>
      </p>
    );
  if (!allowed) return <p>{a.noAccess}</p>;
  const term = plans.data?.find((p) => p.code === plan)?.term;
  const years = term
    ? Array.from({ length: term.lastYear - term.firstYear + 1 }, (_, i) => String(term.firstYear + i))
    : [];
  return (
    <>
      <h1>{a.worklistTitle}</h1>
      <Group className="filters" align="flex-end" wrap="wrap" mb="md">
        <NativeSelect
          id="wl-agency"
          label={a.filterAgency}
          value={agency}
          onChange={(e) => setSearch({ agency: e.currentTarget.value || undefined })}
          data={[
            { value: '', label: a.allAgencies },
            // The agency from the URL is shown as chosen while the agencies load (a reload, a link), named by its code
            // until its name arrives.
            ...(agency && !(agencies.data ?? []).some((g) => g.code === agency)
              ? [{ value: agency, label: agency }]
              : []),
            ...(agencies.data ?? []).map((g) => ({ value: g.code, label: g.name })),
          ]}
          data-testid="wl-agency"
        />
        <NativeSelect
          id="wl-period"
          label={a.filterPeriod}
          value={period}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setSearch({ period: v === '' ? undefined : /^\d{4}$/.test(v) ? Number(v) : v });
          }}
          data={[
            { value: '', label: a.allPeriods },
            // A period from a link that is not a year of the term (a quarter, say) is still shown as chosen.
            ...(period && !years.includes(period) ? [period] : []).concat(years).map((y) => ({ value: y, label: y })),
          ]}
          data-testid="wl-period"
        />
      </Group>
      {moved && (
        <section aria-labelledby="moved-title" className="moved" data-testid="moved">
          <h2 id="moved-title">{a.verdictsMoved}</h2>
          {moved.length === 0 ? (
            <p>{a.noVerdictMoved}</p>
          ) : (
            <ul>
              {moved.map((m) => (
                <li key={m.targetId}>
                  <span className="code">{m.indicator.code}</span> {m.target}:{' '}
                  <Verdict status={m.before?.status ?? null} word={m.before?.word ?? null} /> →{' '}
                  <Verdict status={m.after.status} word={m.after.word} />
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadError error={list.error} />
      ) : list.data.length === 0 ? (
        <p data-testid="worklist-empty">{a.worklistEmpty}</p>
      ) : (
        <Stack gap="md" data-testid="worklist">
          {list.data.map((o) => (
            <WorkItem key={`${o.id} ${o.version}`} o={o} userId={user.id} onMoved={setMoved} />
          ))}
        </Stack>
      )}
    </>
  );
}
