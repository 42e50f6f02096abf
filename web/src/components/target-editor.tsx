// A plan owner's dialog to change a target in force: a correction in place (a clerical error, with a reason) or a
// revision by a later document (the document named, the old target kept as history). The numbers are read as a
// person writes them (the same reader as the figures import: "14,5" and "1.234,5"; "1.234" is refused as
// ambiguous); the engine on the server judges the definition and answers with its reason if it refuses it.
import { Alert, Button, Checkbox, Group, Modal, NativeSelect, Radio, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { parseNumberText } from '../../../src/core/interchange/cells.ts';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../src/core/vocabulary.ts';
import { useTargetWrites, type EditBody, type ReviseBody, type TargetHistoryItem } from '../data/target-edits.ts';
import type { Problem } from '../data/session.tsx';
import { useLocale } from '../i18n/locale.tsx';
import { EDITABLE_NUMBERS, useTargetEditText, type EditableNumber } from '../i18n/target-edit-messages.ts';

type Mode = 'correct' | 'revise';
type Spec = Record<string, unknown> & { kind: string };

interface Form {
  mode: Mode;
  numbers: Partial<Record<EditableNumber, string>>;
  strict: boolean;
  text: string;
  reason: string;
  docKind: DocumentKind;
  docTitle: string;
  docNumber: string;
  docDate: string;
  docIssuer: string;
  docUrl: string;
  effectiveOn: string;
  quote: string;
  page: string;
}

/** A plan's own code for a document, from its number or title ("12/NQ-HĐND" → "12-nq-hdnd"). */
export function documentCode(number: string, title: string): string {
  const slug = (number.trim() || title.trim())
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return slug || 'van-ban';
}

/** Strict applies to a single bound: not to a range, a band or a milestone. */
const mayBeStrict = (spec: Spec) => spec.kind !== 'milestone' && spec.kind !== 'range_at_end' && spec.max === undefined;

function initialForm(spec: Spec, text: string, written: (v: string) => string): Form {
  const numbers: Partial<Record<EditableNumber, string>> = {};
  for (const f of EDITABLE_NUMBERS) {
    const v = spec[f];
    if (typeof v === 'string' || typeof v === 'number') numbers[f] = written(String(v));
  }
  return {
    mode: 'correct',
    numbers,
    strict: spec.strict === true,
    text,
    reason: '',
    docKind: 'council_resolution',
    docTitle: '',
    docNumber: '',
    docDate: '',
    docIssuer: '',
    docUrl: '',
    effectiveOn: '',
    quote: '',
    page: '',
  };
}

export function TargetEditor({
  plan,
  indicator,
  target,
  onSaved,
}: {
  plan: string;
  indicator: string;
  /** The target in force shown; undefined while its history loads (the button waits). */
  target: TargetHistoryItem | undefined;
  onSaved: (targetId: string) => void;
}) {
  const e = useTargetEditText();
  const { locale } = useLocale();
  const writes = useTargetWrites(plan, indicator);
  const spec = (target?.spec ?? { kind: '' }) as Spec;
  // Canonical decimals shown as the reader writes them, without grouping (so that "1234" never reads "1.234").
  const written = (v: string) => (locale === 'vi' ? v.replace('.', ',') : v);
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<Form>(() => initialForm(spec, target?.text ?? '', written));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // A field's message goes once the field is changed; the rest stay until the next attempt.
  const clear = (k: string) =>
    setErrors((es) => {
      if (!(k in es)) return es;
      const rest = { ...es };
      delete rest[k];
      return rest;
    });
  const set = <K extends keyof Form>(k: K, v: Form[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    clear(k);
  };

  const start = () => {
    if (!target) return;
    setForm(initialForm(spec, target.text, written));
    setErrors({});
    setProblem(null);
    setNotice(null);
    setOpen(true);
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    if (busy || !target) return;
    const errs: Record<string, string> = {};
    const next: Spec = { ...spec };
    for (const [f, w] of Object.entries(form.numbers)) {
      const r = parseNumberText(w);
      if (r.ok) next[f] = typeof spec[f] === 'number' ? Number(r.value) : r.value;
      else errs[f] = r.reason[locale];
    }
    if (mayBeStrict(spec)) {
      if (form.strict) next.strict = true;
      else delete next.strict;
    }
    if (!form.reason.trim()) errs.reason = e.reasonRequired;
    if (!form.text.trim()) errs.text = e.textRequired;
    if (form.mode === 'revise') {
      if (!form.docTitle.trim()) errs.docTitle = e.required;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(form.effectiveOn)) errs.effectiveOn = e.dateRequired;
    }
    setErrors(errs);
    if (Object.keys(errs).length > 0) return;
    setBusy(true);
    setProblem(null);
    try {
      const base = {
        targetId: target.id,
        spec: next as EditBody['spec'],
        text: form.text.trim(),
        reason: form.reason.trim(),
      };
      const out =
        form.mode === 'correct'
          ? await writes.correct(base)
          : await writes.revise({
              ...base,
              effectiveOn: form.effectiveOn,
              document: {
                code: documentCode(form.docNumber, form.docTitle),
                kind: form.docKind,
                title: form.docTitle.trim(),
                ...(form.docNumber.trim() ? { number: form.docNumber.trim() } : {}),
                ...(form.docDate ? { date: form.docDate } : {}),
                ...(form.docIssuer.trim() ? { issuer: form.docIssuer.trim() } : {}),
                ...(form.docUrl.trim() ? { url: form.docUrl.trim() } : {}),
              },
              ...(form.quote.trim() || /^\d+$/.test(form.page)
                ? {
                    citation: {
                      ...(form.quote.trim() ? { quote: form.quote.trim() } : {}),
                      ...(/^\d+$/.test(form.page) ? { page: Number(form.page) } : {}),
                    },
                  }
                : {}),
            } satisfies ReviseBody);
      if (!out.ok) {
        setProblem(out.problem);
        const fields: Record<string, string> = {};
        for (const i of out.problem.errors ?? [])
          fields[
            i.path
              .replace(/^\/?(body\/)?(spec\/)?/, '')
              .replace(/^document\/(\w)/, (_, c: string) => `doc${c.toUpperCase()}`)
          ] = i.reason[locale];
        setErrors(fields);
        return;
      }
      setOpen(false);
      setNotice(e.saved(out.changes));
      onSaved(out.targetId);
    } finally {
      setBusy(false);
    }
  };

  const input = (name: keyof Form & string, label: string, extra: Record<string, unknown> = {}) => (
    <TextInput
      label={label}
      value={String(form[name])}
      onChange={(ev) => set(name, ev.currentTarget.value as never)}
      error={errors[name]}
      data-testid={`te-${name}`}
      {...extra}
    />
  );

  return (
    <div className="target-editor">
      <Button type="button" color="dark" onClick={start} disabled={!target} data-testid="edit-target">
        {e.editButton}
      </Button>
      {notice && (
        <p role="status" data-testid="target-saved">
          {notice}
        </p>
      )}
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={e.dialogTitle}
        size="lg"
        closeButtonProps={{ 'aria-label': e.cancel }}
        data-testid="target-dialog"
      >
        <form onSubmit={(ev) => void submit(ev)} noValidate>
          <Stack gap="sm">
            <Radio.Group label={e.modeLabel} value={form.mode} onChange={(v) => set('mode', v as Mode)}>
              <Stack gap={4} mt={4}>
                <Radio value="correct" label={e.modeCorrect} data-testid="mode-correct" />
                <Radio value="revise" label={e.modeRevise} data-testid="mode-revise" />
              </Stack>
            </Radio.Group>
            <Group grow align="flex-start">
              {EDITABLE_NUMBERS.filter((f) => form.numbers[f] !== undefined).map((f) => (
                <TextInput
                  key={f}
                  label={e.field[f]}
                  inputMode="decimal"
                  value={form.numbers[f] ?? ''}
                  onChange={(ev) => {
                    const v = ev.currentTarget.value;
                    setForm((s) => ({ ...s, numbers: { ...s.numbers, [f]: v } }));
                    clear(f);
                  }}
                  error={errors[f]}
                  data-testid={`te-${f}`}
                />
              ))}
            </Group>
            {mayBeStrict(spec) && (
              <Checkbox
                label={e.strict}
                checked={form.strict}
                onChange={(ev) => set('strict', ev.currentTarget.checked)}
                data-testid="te-strict"
              />
            )}
            <Textarea
              label={e.text}
              value={form.text}
              onChange={(ev) => set('text', ev.currentTarget.value)}
              error={errors.text}
              autosize
              minRows={2}
              required
              data-testid="te-text"
            />
            {form.mode === 'revise' && (
              <fieldset className="te-document">
                <legend>{e.documentLegend}</legend>
                <Stack gap="xs">
                  <NativeSelect
                    label={e.docKind}
                    value={form.docKind}
                    onChange={(ev) => set('docKind', ev.currentTarget.value as DocumentKind)}
                    data={DOCUMENT_KINDS.map((k) => ({ value: k, label: e.docKinds[k] }))}
                    data-testid="te-docKind"
                  />
                  {input('docTitle', e.docTitle, { required: true })}
                  <Group grow align="flex-start">
                    {input('docNumber', e.docNumber)}
                    {input('docDate', e.docDate, { type: 'date' })}
                  </Group>
                  {input('docIssuer', e.docIssuer)}
                  {input('docUrl', e.docUrl, { type: 'url' })}
                  <Group grow align="flex-start">
                    {input('effectiveOn', e.effectiveOn, { type: 'date', required: true })}
                    {input('page', e.page, { inputMode: 'numeric' })}
                  </Group>
                  <Textarea
                    label={e.quote}
                    value={form.quote}
                    onChange={(ev) => set('quote', ev.currentTarget.value)}
                    autosize
                    minRows={2}
                    data-testid="te-quote"
                  />
                </Stack>
              </fieldset>
            )}
            <Textarea
              label={e.reason}
              value={form.reason}
              onChange={(ev) => set('reason', ev.currentTarget.value)}
              error={errors.reason}
              autosize
              minRows={2}
              required
              data-testid="te-reason"
            />
            {problem && (
              <Alert color="red" role="alert" data-testid="target-problem">
                {problem.messages?.[locale] ?? `HTTP ${problem.status ?? ''}`}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button type="button" variant="default" onClick={() => setOpen(false)}>
                {e.cancel}
              </Button>
              <Button type="submit" color="dark" loading={busy} data-testid="te-save">
                {e.save}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </div>
  );
}
