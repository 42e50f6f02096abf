// A plan owner's dialog to add a task to a plan in place (its code, title, deadline and responsibility), with a
// reason; the server refuses a code the plan already uses and keeps the new row in the audit log.
import { Alert, Button, Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import type { Problem } from '../data/session.tsx';
import { useLocale } from '../i18n/locale.tsx';
import { useTargetEditText } from '../i18n/target-edit-messages.ts';

const FIELDS = ['code', 'title', 'deadline', 'responsibility'] as const;
type Field = (typeof FIELDS)[number];

export function TaskCreator({ plan }: { plan: string }) {
  const e = useTargetEditText();
  const { locale } = useLocale();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Record<Field, string>>({
    code: '',
    title: '',
    deadline: '',
    responsibility: '',
  });
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<string | null>(null);

  const start = () => {
    setValues({ code: '', title: '', deadline: '', responsibility: '' });
    setReason('');
    setErrors({});
    setProblem(null);
    setAdded(null);
    setOpen(true);
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    if (busy) return;
    const errs: Record<string, string> = {};
    if (!values.code.trim()) errs.code = e.required;
    if (!values.title.trim()) errs.title = e.required;
    if (!reason.trim()) errs.reason = e.reasonRequired;
    setErrors(errs);
    if (Object.keys(errs).length > 0) return;
    setBusy(true);
    setProblem(null);
    try {
      const r = await api.POST('/api/plans/{code}/tasks', {
        params: { path: { code: plan } },
        body: {
          code: values.code.trim(),
          title: values.title.trim(),
          ...(values.deadline ? { deadline: values.deadline } : {}),
          ...(values.responsibility.trim() ? { responsibility: values.responsibility.trim() } : {}),
          reason: reason.trim(),
        },
      });
      if (!r.data) {
        const p = { ...((r.error as Problem | undefined) ?? {}), status: r.response.status };
        setProblem(p);
        const named = Object.fromEntries(
          (p.errors ?? []).map((i) => [i.path.replace(/^\/?body\//, ''), i.reason[locale]]),
        );
        if (r.response.status === 409 && p.messages) named.code = p.messages[locale];
        setErrors(named);
        return;
      }
      await qc.invalidateQueries({
        predicate: (q) => ['tasks', 'evaluations'].includes(String(q.queryKey[0])) && q.queryKey[1] === plan,
      });
      setOpen(false);
      setAdded(r.data.code);
    } finally {
      setBusy(false);
    }
  };

  const label: Record<Field, string> = {
    code: e.itemCode,
    title: e.taskTitle,
    deadline: e.taskDeadline,
    responsibility: e.taskResponsibility,
  };
  return (
    <span className="outline-editor">
      <Button type="button" size="compact-sm" variant="default" onClick={start} data-testid="task-add">
        {e.add}
      </Button>
      {added && (
        <span role="status" className="muted" data-testid="task-add-saved">
          {' '}
          {e.itemAdded(added)}
        </span>
      )}
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={e.addTask}
        closeButtonProps={{ 'aria-label': e.cancel }}
      >
        <form onSubmit={(ev) => void submit(ev)} noValidate>
          <Stack gap="sm">
            {FIELDS.map((f) => {
              const common = {
                label: label[f],
                value: values[f],
                error: errors[f],
                required: f === 'code' || f === 'title',
                'data-testid': `task-add-${f}`,
              };
              const change = (v: string) => setValues((s) => ({ ...s, [f]: v }));
              return f === 'title' || f === 'responsibility' ? (
                <Textarea key={f} {...common} autosize minRows={2} onChange={(ev) => change(ev.currentTarget.value)} />
              ) : (
                <TextInput
                  key={f}
                  {...common}
                  type={f === 'deadline' ? 'date' : 'text'}
                  onChange={(ev) => change(ev.currentTarget.value)}
                />
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
              data-testid="task-add-reason"
            />
            {problem && (
              <Alert color="red" role="alert">
                {problem.messages?.[locale] ?? `HTTP ${problem.status ?? ''}`}
              </Alert>
            )}
            <Stack align="flex-end">
              <Button type="submit" color="dark" loading={busy} data-testid="task-add-save">
                {e.save}
              </Button>
            </Stack>
          </Stack>
        </form>
      </Modal>
    </span>
  );
}
