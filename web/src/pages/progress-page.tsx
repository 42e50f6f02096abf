// Progress reports of one task (/progress/task/<id>) or one project (/progress/project/<id>): every report with its
// state, figures and evidence files; the agency's form for a new report (or a revision), the evidence upload, and
// submit; the approver's approve or return with a reason. The workflow itself is the API's.
import { Button, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { parseNumberText } from '../../../src/core/interchange/cells.ts';
import { api, unwrap } from '../api/client.ts';
import { csrf, hasRole, problemOf, type SessionInfo } from '../data/staff.ts';
import { useAdminT } from '../i18n/admin-messages.ts';
import { useLocale } from '../i18n/locale.tsx';
import { FormError, SignedIn } from './staff-parts.tsx';

type Kind = 'task' | 'project';
interface Evidence {
  id: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  url: string;
}
interface Report {
  id: string;
  period: string;
  figures: Record<string, string | null>;
  workflowState: string;
  reviewComment: string | null;
  supersededBy: string | null;
  enteredAt: string;
  version: number;
  evidence: Evidence[];
}

const FIELDS: Record<Kind, { name: string; label: keyof ReturnType<typeof useAdminT>; kind: 'number' | 'text' }[]> = {
  task: [
    { name: 'progressPercent', label: 'percent', kind: 'number' },
    { name: 'narrative', label: 'narrative', kind: 'text' },
  ],
  project: [
    { name: 'physicalPlannedPercent', label: 'physicalPlanned', kind: 'number' },
    { name: 'physicalActualPercent', label: 'physicalActual', kind: 'number' },
    { name: 'financialPlanned', label: 'financialPlanned', kind: 'number' },
    { name: 'financialActual', label: 'financialActual', kind: 'number' },
    { name: 'disbursed', label: 'disbursed', kind: 'number' },
    { name: 'note', label: 'note', kind: 'text' },
  ],
};

function EvidenceUpload({ kind, report, session }: { kind: Kind; report: Report; session: SessionInfo }) {
  const a = useAdminT();
  const { locale } = useLocale();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: async () => {
      if (!file) return;
      const base = kind === 'task' ? 'task-reports' : 'project-progress';
      // The file travels as the body itself; the server judges its type by its content.
      const res = await fetch(`/api/${base}/${report.id}/evidence?filename=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', ...csrf(session) },
        body: file,
      });
      if (!res.ok) throw await res.json().catch(() => ({}));
    },
    onSuccess: () => {
      setError(null);
      setFile(null);
      void qc.invalidateQueries({ queryKey: ['progress'] });
    },
    onError: (e) => setError(problemOf(e, locale).message),
  });
  const inputId = `evidence-${report.id}`;
  return (
    <form
      className="inline-form"
      data-testid="evidence-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!upload.isPending && file) upload.mutate();
      }}
    >
      <label htmlFor={inputId}>{a.chooseFile}</label>
      <input
        id={inputId}
        type="file"
        accept=".pdf,.png,.jpg,.jpeg,.webp,.gif,.xlsx,.xls,.csv"
        aria-describedby={`${inputId}-hint`}
        onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
        data-testid="evidence-file"
      />
      <span id={`${inputId}-hint`} className="muted">
        {a.evidenceHint}
      </span>
      <Button
        color="#9b1c1c"
        type="submit"
        size="xs"
        disabled={!file}
        loading={upload.isPending}
        data-testid="evidence-upload"
      >
        {a.upload}
      </Button>
      <FormError message={error} testId="evidence-error" />
    </form>
  );
}

function ReportItem({ kind, r, session }: { kind: Kind; r: Report; session: SessionInfo }) {
  const a = useAdminT();
  const { date, num, locale } = useLocale();
  const qc = useQueryClient();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const base = kind === 'task' ? '/api/task-reports/{id}' : '/api/project-progress/{id}';
  const move = useMutation({
    mutationFn: async (verb: 'submit' | 'approve' | 'return') => {
      const res = await api.POST(`${base}/${verb}` as '/api/task-reports/{id}/submit', {
        params: { path: { id: r.id }, header: { 'if-match': `"${r.version}"` } },
        body: verb === 'return' ? { comment } : {},
        headers: { ...csrf(session), 'if-match': `"${r.version}"` },
      });
      if (!res.response.ok) throw res.error;
    },
    onSuccess: () => {
      setError(null);
      void qc.invalidateQueries({ queryKey: ['progress'] });
    },
    onError: (e) => setError(problemOf(e, locale).message),
  });
  const editable = !r.supersededBy && (r.workflowState === 'draft' || r.workflowState === 'returned');
  const enter = hasRole(session, 'admin', 'plan_owner', 'agency_editor');
  const review = hasRole(session, 'admin', 'approver') && !r.supersededBy && r.workflowState === 'submitted';
  return (
    <li className="report" data-testid="report" data-state={r.workflowState} data-period={r.period}>
      <p>
        <strong>{r.period}</strong> ·{' '}
        <span className={`state state-${r.workflowState}`}>{a.state[r.workflowState]}</span>
        {r.supersededBy && <span className="muted"> · {a.revise}</span>}
        <span className="muted">
          {' '}
          · {a.enteredAt} {date(r.enteredAt)}
        </span>
      </p>
      <dl className="figures">
        {FIELDS[kind].map((f) =>
          r.figures[f.name] ? (
            <div key={f.name}>
              <dt>{a[f.label] as string}</dt>
              <dd>{f.kind === 'number' ? num(r.figures[f.name] as string) : r.figures[f.name]}</dd>
            </div>
          ) : null,
        )}
      </dl>
      {r.reviewComment && (
        <p className="review-comment" data-testid="review-comment">
          {a.returnReason}: {r.reviewComment}
        </p>
      )}
      {r.evidence.length > 0 && (
        <ul className="evidence" aria-label={a.evidence}>
          {r.evidence.map((e) => (
            <li key={e.id}>
              <a href={e.url} data-testid="evidence-link">
                {e.filename}
              </a>{' '}
              <span className="muted">({num(Math.ceil(e.sizeBytes / 1024))} KB)</span>
            </li>
          ))}
        </ul>
      )}
      {editable && enter && (
        <>
          <EvidenceUpload kind={kind} report={r} session={session} />
          <Button
            color="#9b1c1c"
            size="xs"
            onClick={() => move.mutate('submit')}
            loading={move.isPending}
            data-testid="report-submit"
          >
            {a.submit}
          </Button>
        </>
      )}
      {review && (
        <div className="inline-form">
          <Button
            color="#1b5e20"
            size="xs"
            className="approve"
            onClick={() => move.mutate('approve')}
            data-testid="report-approve"
          >
            {a.approve}
          </Button>
          <TextInput
            size="xs"
            label={a.returnReason}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            data-testid="return-reason"
          />
          <Button
            color="#8a4b00"
            size="xs"
            className="return-it"
            disabled={!comment.trim()}
            onClick={() => move.mutate('return')}
            data-testid="report-return"
          >
            {a.returnIt}
          </Button>
        </div>
      )}
      <FormError message={error} />
    </li>
  );
}

function NewReport({ kind, id, open, session }: { kind: Kind; id: string; open: Report[]; session: SessionInfo }) {
  const a = useAdminT();
  const { locale } = useLocale();
  const qc = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>({ period: '' });
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  // Numbers as a vi-VN reader types them ("1.200.000.000", "45,5") or canonical ("45.5"), read by the same reader as
  // the Excel and CSV import ("1.234" is ambiguous); one that is neither is refused beside its field before anything is sent.
  const read = () => {
    const figures: Record<string, string> = {};
    const wrong: Record<string, string> = {};
    for (const f of FIELDS[kind]) {
      const v = (values[f.name] ?? '').trim();
      if (!v) continue;
      if (f.kind !== 'number') {
        figures[f.name] = v;
        continue;
      }
      const n = parseNumberText(v.replace(/\s/g, ''));
      if (n.ok) figures[f.name] = n.value;
      else wrong[f.name] = `${a.notANumber}: ${n.reason[locale === 'en' ? 'en' : 'vi']}`;
    }
    return { figures, wrong };
  };
  const save = useMutation({
    mutationFn: async (figures: Record<string, string>) => {
      // A period that already has an open report is revised (a new version) instead of entered again.
      const existing = open.find((r) => r.period === values.period && !r.supersededBy);
      const res = existing
        ? await fetch(`/api/${kind === 'task' ? 'task-reports' : 'project-progress'}/${existing.id}/revisions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'if-match': `"${existing.version}"`, ...csrf(session) },
            body: JSON.stringify(figures),
          })
        : await fetch(
            `/api/${kind === 'task' ? 'tasks' : 'projects'}/${id}/${kind === 'task' ? 'reports' : 'progress'}`,
            {
              method: 'POST',
              headers: { 'content-type': 'application/json', ...csrf(session) },
              body: JSON.stringify({ period: values.period, ...figures }),
            },
          );
      if (!res.ok) throw await res.json().catch(() => ({}));
    },
    onSuccess: () => {
      setError(null);
      setValues({ period: '' });
      void qc.invalidateQueries({ queryKey: ['progress'] });
    },
    onError: (e) => setError(problemOf(e, locale)),
  });
  return (
    <form
      className="staff-form"
      data-testid="progress-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (save.isPending) return;
        const { figures, wrong } = read();
        if (Object.keys(wrong).length > 0) setError({ message: '', fields: wrong });
        else save.mutate(figures);
      }}
    >
      <h2>{a.saveDraft}</h2>
      <TextInput
        label={a.period}
        required
        value={values.period ?? ''}
        onChange={(e) => setValues({ ...values, period: e.currentTarget.value })}
        error={error?.fields.period}
        data-testid="field-period"
      />
      {FIELDS[kind].map((f) =>
        f.kind === 'text' ? (
          <Textarea
            key={f.name}
            label={a[f.label] as string}
            autosize
            minRows={2}
            value={values[f.name] ?? ''}
            onChange={(e) => setValues({ ...values, [f.name]: e.currentTarget.value })}
            error={error?.fields[f.name]}
            data-testid={`field-${f.name}`}
          />
        ) : (
          <TextInput
            key={f.name}
            label={a[f.label] as string}
            inputMode="decimal"
            value={values[f.name] ?? ''}
            onChange={(e) => setValues({ ...values, [f.name]: e.currentTarget.value })}
            error={error?.fields[f.name]}
            data-testid={`field-${f.name}`}
          />
        ),
      )}
      <Button color="#9b1c1c" type="submit" loading={save.isPending} data-testid="progress-save">
        {a.saveDraft}
      </Button>
      <FormError message={error?.message ?? null} />
    </form>
  );
}

export function ProgressPage() {
  const a = useAdminT();
  const { kind: rawKind, id } = useParams({ strict: false }) as { kind: string; id: string };
  const kind: Kind = rawKind === 'project' ? 'project' : 'task';
  const list = useQuery({
    queryKey: ['progress', kind, id],
    queryFn: async () =>
      (kind === 'task'
        ? unwrap(await api.GET('/api/tasks/{id}/reports', { params: { path: { id } } })).items
        : unwrap(await api.GET('/api/projects/{id}/progress', { params: { path: { id } } })).items) as Report[],
  });
  return (
    <SignedIn>
      {(session) => (
        <section data-testid="progress">
          <h1>{a.progressTitle(kind)}</h1>
          <p>
            <a href={`/requests?itemKind=${kind}&itemId=${id}`}>{a.requestsOf}</a>
          </p>
          <h2>{a.reports}</h2>
          {list.data?.length === 0 && <p className="muted">{a.noReports}</p>}
          <ul className="reports">
            {[...(list.data ?? [])].reverse().map((r) => (
              <ReportItem key={r.id} kind={kind} r={r} session={session} />
            ))}
          </ul>
          {hasRole(session, 'admin', 'plan_owner', 'agency_editor') && (
            <NewReport kind={kind} id={id} open={list.data ?? []} session={session} />
          )}
        </section>
      )}
    </SignedIn>
  );
}
