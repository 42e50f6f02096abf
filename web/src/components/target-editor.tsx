// A plan owner's dialog to change a target in force: a correction in place (a clerical error, with a reason) or a
// revision by a later document (the document named, the old target kept as history). The numbers are read as a
// person writes them (./target-fields.tsx); the engine on the server judges the definition and answers with its
// reason if it refuses it.
import { NativeSelect, Radio, Stack, TextInput, Textarea, Group } from '@mantine/core';
import { useState } from 'react';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../src/core/vocabulary.ts';
import { useTargetWrites, type EditBody, type ReviseBody, type TargetHistoryItem } from '../data/target-edits.ts';
import { useLocale } from '../i18n/locale.tsx';
import { EDITABLE_NUMBERS, useTargetEditText, type EditableNumber } from '../i18n/target-edit-messages.ts';
import { ItemDialog, type Errors } from './item-dialog.tsx';
import { readNumbers, TargetNumbers } from './target-fields.tsx';

type Mode = 'correct' | 'revise';
type Spec = Record<string, unknown> & { kind: string };

interface Form {
  mode: Mode;
  numbers: Partial<Record<EditableNumber, string>>;
  strict: boolean;
  text: string;
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

/** The dialog's fields, so that the server's reasons land under them. */
const FIELDS = [
  ...EDITABLE_NUMBERS,
  'text',
  'docKind',
  'docTitle',
  'docNumber',
  'docDate',
  'docIssuer',
  'docUrl',
  'effectiveOn',
  'quote',
  'page',
];

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
  const [form, setForm] = useState<Form>(() => initialForm(spec, target?.text ?? '', written));

  const check = (): Errors => {
    const errs = readNumbers(form.numbers, locale).errors;
    if (!form.text.trim()) errs.text = e.textRequired;
    if (form.mode === 'revise') {
      if (!form.docTitle.trim()) errs.docTitle = e.required;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(form.effectiveOn)) errs.effectiveOn = e.dateRequired;
    }
    return errs;
  };

  const send = async (reason: string) => {
    if (!target) return { ok: false, problem: {} } as const;
    const next: Spec = { ...spec, ...readNumbers(form.numbers, locale).values };
    if (mayBeStrict(spec)) {
      if (form.strict) next.strict = true;
      else delete next.strict;
    }
    const base = { targetId: target.id, spec: next as EditBody['spec'], text: form.text.trim(), reason };
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
    if (!out.ok) return out;
    onSaved(out.targetId);
    return { ok: true, notice: e.saved(out.changes) } as const;
  };

  return (
    <div className="target-editor">
      <ItemDialog
        testId="te"
        button={{
          text: e.editButton,
          testId: 'edit-target',
          color: 'dark',
          size: 'sm',
          variant: 'filled',
          disabled: !target,
        }}
        title={e.dialogTitle}
        size="lg"
        fields={FIELDS}
        onOpen={() => setForm(initialForm(spec, target?.text ?? '', written))}
        check={check}
        send={send}
        fieldOf={(path) =>
          path.replace(/^(spec\/)?/, '').replace(/^document\/(\w)/, (_, c: string) => `doc${c.toUpperCase()}`)
        }
      >
        {(errors, clear) => {
          const set = <K extends keyof Form>(k: K, v: Form[K]) => {
            setForm((f) => ({ ...f, [k]: v }));
            clear(k);
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
            <>
              <Radio.Group label={e.modeLabel} value={form.mode} onChange={(v) => set('mode', v as Mode)}>
                <Stack gap={4} mt={4}>
                  <Radio value="correct" label={e.modeCorrect} data-testid="mode-correct" />
                  <Radio value="revise" label={e.modeRevise} data-testid="mode-revise" />
                </Stack>
              </Radio.Group>
              <TargetNumbers
                testId="te"
                shown={EDITABLE_NUMBERS.filter((f) => form.numbers[f] !== undefined)}
                numbers={form.numbers}
                errors={errors}
                onNumber={(f, v) => {
                  setForm((s) => ({ ...s, numbers: { ...s.numbers, [f]: v } }));
                  clear(f);
                }}
                {...(mayBeStrict(spec) ? { strict: { checked: form.strict, onChange: (c) => set('strict', c) } } : {})}
              />
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
            </>
          );
        }}
      </ItemDialog>
    </div>
  );
}
