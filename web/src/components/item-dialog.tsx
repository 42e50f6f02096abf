// The frame every plan owner's create and edit dialog shares: the button that opens it, the modal, the reason every
// change names, the submit button, the notice once done, and the server's answer laid out once: each refused field's
// reason under that field (by its label), what no field shows in one alert above the buttons, never both.
import { Alert, Button, Group, Modal, Stack, TextInput, Textarea, type ButtonProps } from '@mantine/core';
import { useState, type Dispatch, type FormEvent, type ReactNode, type SetStateAction } from 'react';
import type { Problem } from '../data/session.tsx';
import { useLocale } from '../i18n/locale.tsx';
import { useTargetEditText } from '../i18n/target-edit-messages.ts';

export type Errors = Record<string, string>;
/** What a dialog's request came to: the notice shown once it closes, or the server's problem. */
export type Sent = { ok: true; notice: string } | { ok: false; problem: Problem };

/** The API's answer to a write, as a dialog reads it. */
export function sent(r: { data?: unknown; error?: unknown; response: Response }, notice: string): Sent {
  return r.data === undefined
    ? { ok: false, problem: { ...((r.error as Problem | undefined) ?? {}), status: r.response.status } }
    : { ok: true, notice };
}

/** The problem's field reasons by the dialog's own field names; a reason whose field the dialog lacks is left out. */
function fieldErrors(problem: Problem, locale: 'vi' | 'en', fieldOf: (path: string) => string, shown: Set<string>) {
  const byField: Errors = {};
  const rest: string[] = [];
  for (const i of problem.errors ?? []) {
    const f = fieldOf(i.path.replace(/^\/?body\//, ''));
    if (shown.has(f) && byField[f] === undefined) byField[f] = i.reason[locale];
    else rest.push(i.reason[locale]);
  }
  return { byField, rest };
}

export function ItemDialog({
  testId,
  button,
  title,
  adds = false,
  fields,
  onOpen,
  check,
  send,
  fieldOf = (path) => path,
  conflict,
  size,
  children,
}: {
  /** The prefix of every test id in the dialog: the button's (unless named), `-reason`, `-save`, `-saved`. */
  testId: string;
  button: { text: string; label?: string; testId?: string } & Pick<
    ButtonProps,
    'size' | 'color' | 'variant' | 'disabled'
  >;
  title: string;
  /** A create dialog ("Thêm", "Lý do bổ sung") or an edit one ("Lưu thay đổi", "Lý do thay đổi"). */
  adds?: boolean;
  /** The dialog's field names, so that the server's reasons land under them. */
  fields: readonly string[];
  onOpen: () => void;
  /** The dialog's own checks before anything is sent (the reason is checked here). */
  check: () => Errors;
  send: (reason: string) => Promise<Sent>;
  /** The dialog's field for a path the server names ("target/spec/value" → "value"). */
  fieldOf?: (path: string) => string;
  /** The words under a field the server reports in use (409 naming that field). */
  conflict?: (field: string) => string;
  size?: string;
  children: (errors: Errors, clear: (field: string) => void) => ReactNode;
}) {
  const e = useTargetEditText();
  const { locale } = useLocale();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [alert, setAlert] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // A field's message goes once the field is changed; the rest stay until the next attempt.
  const clear = (field: string) =>
    setErrors((es) => {
      if (!(field in es)) return es;
      const rest = { ...es };
      delete rest[field];
      return rest;
    });

  const start = () => {
    onOpen();
    setReason('');
    setErrors({});
    setAlert(null);
    setNotice(null);
    setOpen(true);
  };

  const onSubmit = async (ev: FormEvent) => {
    ev.preventDefault();
    if (busy) return;
    const errs = check();
    if (!reason.trim()) errs.reason = e.reasonRequired;
    setErrors(errs);
    setAlert(null);
    if (Object.keys(errs).length > 0) return;
    setBusy(true);
    try {
      const out = await send(reason.trim());
      if (out.ok) {
        setOpen(false);
        setNotice(out.notice);
        return;
      }
      const p = out.problem;
      const field = typeof p.details?.field === 'string' ? p.details.field : undefined;
      if (p.status === 409 && field !== undefined && conflict && fields.includes(field)) {
        setErrors({ [field]: conflict(field) });
        return;
      }
      const { byField, rest } = fieldErrors(p, locale, fieldOf, new Set([...fields, 'reason']));
      setErrors(byField);
      // The alert says what went wrong once: the problem's words, and any reason no field shows.
      if (rest.length > 0 || Object.keys(byField).length === 0)
        setAlert([p.messages?.[locale] ?? `HTTP ${p.status ?? ''}`, ...rest]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="outline-editor">
      <Button
        type="button"
        size={button.size ?? 'compact-xs'}
        variant={button.variant ?? 'default'}
        color={button.color}
        disabled={button.disabled}
        onClick={start}
        aria-label={button.label}
        data-testid={button.testId ?? testId}
      >
        {button.text}
      </Button>
      {notice && (
        <span role="status" className="muted" data-testid={`${testId}-saved`}>
          {' '}
          {notice}
        </span>
      )}
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={title}
        size={size}
        closeButtonProps={{ 'aria-label': e.cancel }}
      >
        <form onSubmit={(ev) => void onSubmit(ev)} noValidate>
          <Stack gap="sm">
            {children(errors, clear)}
            <Textarea
              label={adds ? e.reasonAdd : e.reason}
              value={reason}
              onChange={(ev) => {
                setReason(ev.currentTarget.value);
                clear('reason');
              }}
              error={errors.reason}
              autosize
              minRows={2}
              required
              data-testid={`${testId}-reason`}
            />
            {alert && (
              <Alert color="red" role="alert" data-testid={`${testId}-problem`}>
                {alert.join(' · ')}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button type="button" variant="default" onClick={() => setOpen(false)}>
                {e.cancel}
              </Button>
              <Button type="submit" color="dark" loading={busy} data-testid={`${testId}-save`}>
                {adds ? e.add : e.save}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </span>
  );
}

/** A dialog's plain field: its name (the API's), label, and how it is entered. */
export interface TextField {
  name: string;
  label: string;
  type: 'text' | 'date' | 'textarea';
  required?: boolean;
}

/** The plain fields of a dialog, each with its error; `values` by field name. A change sets the field's value and
 * clears the field's error. */
export function TextFields({
  testId,
  fields,
  values,
  setValues,
  errors,
  clear,
}: {
  testId: string;
  fields: readonly TextField[];
  values: Record<string, string>;
  setValues: Dispatch<SetStateAction<Record<string, string>>>;
  errors: Errors;
  clear: (field: string) => void;
}) {
  const onChange = (name: string, v: string) => {
    setValues((s) => ({ ...s, [name]: v }));
    clear(name);
  };
  return fields.map((f) => {
    const common = {
      label: f.label,
      value: values[f.name] ?? '',
      error: errors[f.name],
      required: f.required,
      'data-testid': `${testId}-${f.name}`,
    };
    return f.type === 'textarea' ? (
      <Textarea
        key={f.name}
        {...common}
        autosize
        minRows={2}
        onChange={(ev) => onChange(f.name, ev.currentTarget.value)}
      />
    ) : (
      <TextInput key={f.name} {...common} type={f.type} onChange={(ev) => onChange(f.name, ev.currentTarget.value)} />
    );
  });
}

/** "bắt buộc" under each required field left empty. */
export function missingRequired(fields: readonly TextField[], values: Record<string, string>, word: string): Errors {
  return Object.fromEntries(fields.filter((f) => f.required && !values[f.name]?.trim()).map((f) => [f.name, word]));
}
