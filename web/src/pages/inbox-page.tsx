// Nhập số liệu: an agency editor's inbox. Every figure the agency owes (overdue first, with its deadline under the
// tenant's reporting regime), each with its form: the previous value, the targets with what they still require
// and their story; the figure checks as one types (the API's, nothing decided here); vintage stage and source;
// save a draft or submit. What is typed is kept in this browser until it is submitted, so a reload or a dropped
// connection loses nothing; a saved draft is also on the server.
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Stack,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import '../entry.css';
import { OBSERVATION_STATUSES, type ObservationStatus } from '../../../src/core/vocabulary.ts';
import { api } from '../api/client.ts';
import { StatusBadge } from '../components/status-badge.tsx';
import { Loading, LoadError } from '../components/states.tsx';
import { useInbox, type InboxItem } from '../data/entry-queries.ts';
import { may, useSession, type Problem } from '../data/session.tsx';
import { useAccountT } from '../i18n/account-messages.ts';
import { isPrinted } from '../vocabulary.ts';
import { TemplateExchange } from './template-exchange.tsx';

interface Draft {
  value: string;
  status: ObservationStatus;
  sourceText: string;
  confirm: boolean;
  reason: string;
  cause: string;
  measures: string;
  requests: string;
}

interface CheckResult {
  outcome: 'accepted' | 'needs_confirmation' | 'refused';
  valueText: string | null;
  issues: { path: string; reason: { vi: string; en: string } }[];
  flags: { code: string; messages: { vi: string; en: string } }[];
}

const draftKey = (user: string, item: InboxItem) => `chitieu.draft.${user}.${item.indicator.id}.${item.period}`;

function loadDraft(key: string, item: InboxItem): Draft {
  const fromServer: Draft = {
    value: item.figure?.valueText ?? '',
    status: (item.figure?.status as ObservationStatus | undefined) ?? 'estimate',
    sourceText: item.figure?.sourceText ?? '',
    confirm: item.figure?.plausibility !== null && item.figure?.plausibility !== undefined,
    reason: item.figure?.plausibility?.reason ?? '',
    cause: '',
    measures: '',
    requests: '',
  };
  try {
    const saved = localStorage.getItem(key);
    return saved ? { ...fromServer, ...(JSON.parse(saved) as Partial<Draft>) } : fromServer;
  } catch {
    return fromServer;
  }
}

async function problemOf(r: { error?: unknown; response: Response }): Promise<Problem> {
  return { ...((r.error as Problem | undefined) ?? {}), status: r.response.status };
}

function EntryForm({ item, userId }: { item: InboxItem; userId: string }) {
  const { a, locale, date } = useAccountT();
  const qc = useQueryClient();
  const key = draftKey(userId, item);
  const [d, setD] = useState<Draft>(() => loadDraft(key, item));
  const [check, setCheck] = useState<CheckResult | null>(null);
  const [checking, setChecking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [storyTargets, setStoryTargets] = useState<{ targetId: string; text: string }[]>([]);
  const locked = item.state === 'submitted';
  const id = `f-${item.indicator.code}-${item.period}`.replace(/[^A-Za-z0-9_-]/g, '_');

  // Every keystroke is kept in this browser until the figure is submitted.
  useEffect(() => {
    try {
      localStorage.setItem(key, JSON.stringify(d));
    } catch {
      // A browser refusing storage still has the form's state for this visit.
    }
  }, [key, d]);

  // The API's figure checks as one types (debounced); the answer is shown as it is.
  const seq = useRef(0);
  useEffect(() => {
    if (locked || d.value.trim() === '') {
      setCheck(null);
      return;
    }
    const mine = ++seq.current;
    setChecking(true);
    const timer = window.setTimeout(() => {
      void api
        .POST('/api/observations/check', {
          body: {
            indicatorId: item.indicator.id,
            unitId: item.unit.id,
            period: item.period,
            value: d.value,
            confirmImplausible: d.confirm,
            reason: d.reason || null,
          },
        })
        .then((r) => {
          if (mine !== seq.current) return;
          setChecking(false);
          if (r.data) setCheck(r.data);
        })
        .catch(() => setChecking(false));
    }, 350);
    return () => window.clearTimeout(timer);
  }, [d.value, d.confirm, d.reason, item.indicator.id, item.unit.id, item.period, locked]);

  const set = (patch: Partial<Draft>) => {
    setDone(null);
    setD((prev) => ({ ...prev, ...patch }));
  };
  const fieldError = (...paths: string[]): string | undefined => {
    const hit = problem?.errors?.find((e) => paths.some((p) => e.path === p || e.path.endsWith(`/${p}`)));
    return hit?.reason[locale];
  };
  const dirty =
    !item.figure ||
    d.value.trim() !== (item.figure.valueText ?? '') ||
    d.status !== item.figure.status ||
    d.sourceText.trim() !== (item.figure.sourceText ?? '');

  /** Writes the figure as a draft (first entry or a new version) through the API; returns its id and ETag. */
  const save = async (): Promise<{ id: string; version: number } | null> => {
    const figure = {
      value: d.value.trim(),
      status: d.status,
      sourceText: d.sourceText.trim() || null,
      reason: d.confirm && flagged ? d.reason.trim() || null : null,
      confirmImplausible: (d.confirm && flagged) || undefined,
    };
    if (!item.figure) {
      const r = await api.POST('/api/observations', {
        body: { indicatorId: item.indicator.id, unitId: item.unit.id, period: item.period, ...figure },
      });
      if (!r.data) {
        setProblem(await problemOf(r));
        return null;
      }
      return r.data;
    }
    if (!dirty && item.state === 'draft') return { id: item.figure.observationId, version: item.figure.version };
    const r = await api.POST('/api/observations/{id}/versions', {
      params: { path: { id: item.figure.observationId }, header: { 'if-match': `"${item.figure.version}"` } },
      body: figure,
    });
    if (!r.data) {
      setProblem(await problemOf(r));
      return null;
    }
    return r.data;
  };

  const refresh = async () => {
    await qc.invalidateQueries({
      predicate: (q) => ['inbox', 'stories', 'evaluations'].includes(String(q.queryKey[0])),
    });
  };

  const run = async (submit: boolean) => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      if (submit && storyTargets.length > 0) {
        for (const target of storyTargets) {
          const r = await api.POST('/api/targets/{id}/stories', {
            params: { path: { id: target.targetId } },
            body: { period: item.period, cause: d.cause, measures: d.measures, requests: d.requests || null },
          });
          if (!r.data) {
            setProblem(await problemOf(r));
            return;
          }
        }
      }
      const w = await save();
      if (!w) return;
      if (!submit) {
        setDone(a.saved);
        await refresh();
        return;
      }
      const r = await api.POST('/api/observations/{id}/submit', {
        params: { path: { id: w.id }, header: { 'if-match': `"${w.version}"` } },
        body: {},
      });
      if (!r.data) {
        const p = await problemOf(r);
        setProblem(p);
        if (p.code === 'story_required') {
          const targets = (p.details?.targets as { targetId: string; text: string }[] | undefined) ?? [];
          setStoryTargets(targets);
        }
        await refresh();
        return;
      }
      localStorage.removeItem(key);
      setStoryTargets([]);
      setDone(a.submitted);
      await refresh();
    } finally {
      setBusy(false);
    }
  };

  const storyOpen = storyTargets.length > 0;
  // The confirmation is asked for only while the API flags the figure.
  const flagged = check?.outcome === 'needs_confirmation' || (check?.flags.length ?? 0) > 0;
  const valueError =
    fieldError('value') ??
    (check?.outcome === 'refused' ? check.issues.map((i) => i.reason[locale]).join('; ') : undefined);
  return (
    <Paper
      component="article"
      withBorder
      p="md"
      className="entry-card"
      aria-labelledby={`${id}-title`}
      data-testid="entry"
      data-indicator={item.indicator.code}
      data-period={item.period}
      data-state={item.state}
    >
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Title order={2} size="h4" id={`${id}-title`}>
          <span className="code">{item.indicator.code}</span> {item.indicator.name} · {item.periodLabel[locale]}
        </Title>
        <Group gap="xs">
          {item.overdue && (
            <Badge color="red" variant="filled" data-testid="overdue">
              {a.overdue}
            </Badge>
          )}
          <Badge color={item.state === 'returned' ? 'orange' : 'gray'} variant="light" data-testid="state">
            {a.stateNames[item.state] ?? item.state}
          </Badge>
        </Group>
      </Group>
      <p className="muted">{a.due(date(item.dueDate))}</p>
      {item.returned && (
        <Alert color="orange" role="note" mb="sm" data-testid="returned-reason">
          {a.returnedBecause(item.returned.comment ?? '')}
        </Alert>
      )}
      <dl className="entry-context">
        <dt>{a.previousValue}</dt>
        <dd data-testid="previous">
          {item.previous
            ? `${item.previous.valueText} ${item.indicator.unitOfMeasure} (${item.previous.period})`
            : a.none}
        </dd>
        {item.targets.map((tg) => (
          <div key={tg.targetId} className="entry-target">
            <dt>{a.target}</dt>
            <dd>
              {tg.text}{' '}
              {isPrinted(tg.status) && <StatusBadge status={tg.status} text={tg.displayStatus?.[locale] ?? ''} />}
            </dd>
            {tg.required && (
              <>
                <dt>{a.required}</dt>
                <dd data-testid="required">
                  {a.requiredPace(
                    tg.required.value.replace('.', locale === 'vi' ? ',' : '.'),
                    tg.required.kind,
                    tg.required.fromYear,
                    tg.required.toYear,
                  )}
                </dd>
              </>
            )}
            {tg.story && (
              <>
                <dt>{a.storyLabel}</dt>
                <dd>
                  {a.cause}: {tg.story.cause}
                </dd>
              </>
            )}
          </div>
        ))}
      </dl>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(true);
        }}
        noValidate
      >
        <fieldset disabled={locked || busy} className="entry-fields">
          <legend className="sr-only">
            {item.indicator.name} · {item.periodLabel[locale]}
          </legend>
          <Stack gap="sm">
            <TextInput
              id={`${id}-value`}
              label={`${a.value} (${item.indicator.unitOfMeasure || '—'})`}
              description={a.valueHelp}
              value={d.value}
              onChange={(e) => set({ value: e.currentTarget.value })}
              error={valueError}
              required
              data-testid="value"
              inputMode="decimal"
            />
            <p role="status" aria-live="polite" className="muted check-line" data-testid="check">
              {checking
                ? a.checking
                : check?.outcome === 'accepted' && check.valueText
                  ? a.willBeStored(check.valueText)
                  : ''}
            </p>
            {check && check.flags.length > 0 && (
              <Alert color="yellow" role="alert" data-testid="flags" title={a.flags}>
                <ul>
                  {check.flags.map((f) => (
                    <li key={f.code}>{f.messages[locale]}</li>
                  ))}
                </ul>
              </Alert>
            )}
            {flagged && (
              <>
                <Checkbox
                  id={`${id}-confirm`}
                  label={a.confirmImplausible}
                  checked={d.confirm}
                  onChange={(e) => set({ confirm: e.currentTarget.checked })}
                  data-testid="confirm"
                />
                {d.confirm && (
                  <Textarea
                    id={`${id}-reason`}
                    label={a.confirmReason}
                    value={d.reason}
                    onChange={(e) => set({ reason: e.currentTarget.value })}
                    error={fieldError('reason')}
                    required
                    autosize
                    minRows={2}
                    data-testid="reason"
                  />
                )}
              </>
            )}
            <Group grow wrap="wrap" align="flex-start">
              <NativeSelect
                id={`${id}-stage`}
                label={a.stage}
                value={d.status}
                onChange={(e) => set({ status: e.currentTarget.value as ObservationStatus })}
                data={OBSERVATION_STATUSES.map((s) => ({ value: s, label: a.stages[s] ?? s }))}
                data-testid="stage"
              />
              <TextInput
                id={`${id}-source`}
                label={a.source}
                value={d.sourceText}
                onChange={(e) => set({ sourceText: e.currentTarget.value })}
                data-testid="source"
              />
            </Group>
            {storyOpen && (
              <fieldset className="story-fields" data-testid="story">
                <legend>{a.storyTitle}</legend>
                <p className="muted">{a.storyNeeded}</p>
                <ul className="muted">
                  {storyTargets.map((s) => (
                    <li key={s.targetId}>{s.text}</li>
                  ))}
                </ul>
                <Stack gap="xs">
                  <Textarea
                    id={`${id}-cause`}
                    label={a.cause}
                    value={d.cause}
                    onChange={(e) => set({ cause: e.currentTarget.value })}
                    error={fieldError('cause')}
                    required
                    autosize
                    minRows={2}
                    data-testid="cause"
                  />
                  <Textarea
                    id={`${id}-measures`}
                    label={a.measures}
                    value={d.measures}
                    onChange={(e) => set({ measures: e.currentTarget.value })}
                    error={fieldError('measures')}
                    required
                    autosize
                    minRows={2}
                    data-testid="measures"
                  />
                  <Textarea
                    id={`${id}-requests`}
                    label={a.requests}
                    value={d.requests}
                    onChange={(e) => set({ requests: e.currentTarget.value })}
                    autosize
                    minRows={2}
                    data-testid="requests"
                  />
                </Stack>
              </fieldset>
            )}
            {problem && (
              <Alert color="red" role="alert" data-testid="problem" title={a.error}>
                {problem.messages?.[locale] ?? `HTTP ${problem.status ?? ''}`}
              </Alert>
            )}
            {done && (
              <Alert color="green" role="status" data-testid="done">
                {done}
              </Alert>
            )}
            {!locked && (
              <Group>
                <Button
                  color="red.9"
                  variant="default"
                  onClick={() => void run(false)}
                  loading={busy}
                  data-testid="save-draft"
                >
                  {a.saveDraft}
                </Button>
                <Button color="red.9" type="submit" loading={busy} data-testid="submit">
                  {a.submit}
                </Button>
              </Group>
            )}
            {!locked && <p className="muted small">{a.localDraft}</p>}
          </Stack>
        </fieldset>
      </form>
    </Paper>
  );
}

export function InboxPage() {
  const { plan } = useParams({ strict: false }) as { plan: string };
  const { a, locale, date } = useAccountT();
  const { user, pending } = useSession();
  const allowed = may(user, 'observation.enter');
  const inbox = useInbox(plan, allowed);
  if (pending) return <Loading />;
  if (!user)
    return (
      <p>
        {a.needLogin} <Link to="/login">{a.navLogin}</Link>
      </p>
    );
  if (!allowed) return <p>{a.noAccess}</p>;
  if (inbox.isPending) return <Loading />;
  if (inbox.isError) return <LoadError error={inbox.error} />;
  const data = inbox.data;
  return (
    <>
      <h1>{a.inboxTitle}</h1>
      <p className="muted">{a.inboxIntro(data.rules.title[locale], date(data.today))}</p>
      {user.agencyId && <TemplateExchange plan={plan} agencyId={user.agencyId} />}
      {data.items.length === 0 && <p>{a.inboxEmpty}</p>}
      <Stack gap="md" data-testid="inbox">
        {data.items.map((item) => (
          <EntryForm key={`${item.indicator.id} ${item.period}`} item={item} userId={user.id} />
        ))}
      </Stack>
      {data.work.length > 0 && (
        <section aria-labelledby="work-title" className="inbox-work">
          <h2 id="work-title">{a.tasksProjects}</h2>
          <ul data-testid="work">
            {data.work.map((w) => (
              <li key={w.id}>
                {w.kind === 'task' ? a.task : a.project} {w.code}: {w.title}
                {w.deadline ? ` · ${a.due(date(w.deadline))}` : ''} ·{' '}
                <span className="muted">
                  {w.lastReport
                    ? a.lastReport(w.lastReport.period, a.stateNames[w.lastReport.state] ?? w.lastReport.state)
                    : a.noReport}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
