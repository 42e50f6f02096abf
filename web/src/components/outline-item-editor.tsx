// A plan owner's dialog to edit an outline item's own wording and dates (a task's title and deadline, an indicator's
// name and definition, a project's title and period, a breakthrough's title and text), with a reason; the version it was opened on is sent (If-Match), so a change made meanwhile
// by someone else is refused rather than overwritten. The audit log keeps each edit's before and after.
import { Alert, Button, Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import type { Problem } from '../data/session.tsx';
import { useLocale } from '../i18n/locale.tsx';
import { useTargetEditText } from '../i18n/target-edit-messages.ts';

export interface OutlineField {
  name: string;
  label: string;
  value: string | null;
  type: 'text' | 'date' | 'textarea';
  required?: boolean;
}

export function OutlineItemEditor({
  plan,
  kind,
  code,
  fields,
  version,
  buttonLabel,
  title,
}: {
  plan: string;
  kind: 'task' | 'indicator' | 'project' | 'breakthrough';
  code: string;
  fields: OutlineField[];
  version?: number;
  buttonLabel: string;
  title: string;
}) {
  const e = useTargetEditText();
  const { locale } = useLocale();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  const start = () => {
    setValues(Object.fromEntries(fields.map((f) => [f.name, f.value ?? ''])));
    setReason('');
    setErrors({});
    setProblem(null);
    setSaved(false);
    setOpen(true);
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    if (busy) return;
    const errs: Record<string, string> = {};
    for (const f of fields) if (f.required && !values[f.name]?.trim()) errs[f.name] = e.required;
    if (!reason.trim()) errs.reason = e.reasonRequired;
    setErrors(errs);
    if (Object.keys(errs).length > 0) return;
    // Only the fields changed are sent; an emptied optional field is cleared.
    const changes: Record<string, string | null> = {};
    for (const f of fields) {
      const v = values[f.name]?.trim() ?? '';
      if (v !== (f.value ?? '')) changes[f.name] = v === '' ? null : v;
    }
    setBusy(true);
    setProblem(null);
    try {
      const headers = version === undefined ? {} : { 'if-match': `"${version}"` };
      const body = { ...changes, reason: reason.trim() };
      const r =
        kind === 'task'
          ? await api.PATCH('/api/plans/{code}/tasks/{task}', {
              params: { path: { code: plan, task: code }, header: headers },
              body,
            })
          : kind === 'project'
            ? await api.PATCH('/api/plans/{code}/projects/{project}', {
                params: { path: { code: plan, project: code }, header: headers },
                body,
              })
            : kind === 'breakthrough'
              ? await api.PATCH('/api/plans/{code}/breakthroughs/{breakthrough}', {
                  params: { path: { code: plan, breakthrough: code }, header: headers },
                  body,
                })
              : await api.PATCH('/api/plans/{code}/indicators/{indicator}', {
                  params: { path: { code: plan, indicator: code }, header: headers },
                  body,
                });
      if (!r.data) {
        const p = { ...((r.error as Problem | undefined) ?? {}), status: r.response.status };
        setProblem(p);
        setErrors(
          Object.fromEntries((p.errors ?? []).map((i) => [i.path.replace(/^\/?body\//, ''), i.reason[locale]])),
        );
        return;
      }
      await qc.invalidateQueries({
        predicate: (q) =>
          ['tasks', 'indicators', 'evaluations', 'projects', 'breakthroughs'].includes(String(q.queryKey[0])) &&
          q.queryKey[1] === plan,
      });
      setOpen(false);
      setSaved(true);
    } finally {
      setBusy(false);
    }
  };

  const id = `oe-${kind}-${code}`;
  return (
    <span className="outline-editor">
      <Button type="button" size="compact-xs" variant="default" onClick={start} aria-label={title} data-testid={id}>
        {buttonLabel}
      </Button>
      {saved && (
        <span role="status" className="muted" data-testid={`${id}-saved`}>
          {' '}
          {e.itemSaved}
        </span>
      )}
      <Modal opened={open} onClose={() => setOpen(false)} title={title} closeButtonProps={{ 'aria-label': e.cancel }}>
        <form onSubmit={(ev) => void submit(ev)} noValidate>
          <Stack gap="sm">
            {fields.map((f) => {
              const common = {
                label: f.label,
                value: values[f.name] ?? '',
                error: errors[f.name],
                required: f.required,
                'data-testid': `${id}-${f.name}`,
              };
              const change = (v: string) => setValues((s) => ({ ...s, [f.name]: v }));
              return f.type === 'textarea' ? (
                <Textarea
                  key={f.name}
                  {...common}
                  autosize
                  minRows={2}
                  onChange={(ev) => change(ev.currentTarget.value)}
                />
              ) : (
                <TextInput key={f.name} {...common} type={f.type} onChange={(ev) => change(ev.currentTarget.value)} />
              );
            })}
            <Textarea
              label={e.reason}
              value={reason}
              onChange={(ev) => setReason(ev.currentTarget.value)}
              error={errors.reason}
              autosize
              minRows={2}
              required
              data-testid={`${id}-reason`}
            />
            {problem && (
              <Alert color="red" role="alert">
                {problem.messages?.[locale] ?? `HTTP ${problem.status ?? ''}`}
              </Alert>
            )}
            <Stack align="flex-end">
              <Button type="submit" color="dark" loading={busy} data-testid={`${id}-save`}>
                {e.save}
              </Button>
            </Stack>
          </Stack>
        </form>
      </Modal>
    </span>
  );
}
