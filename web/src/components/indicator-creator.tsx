// A plan owner's dialog to add an indicator to a plan in place with its first target: the indicator's code, name and
// unit of measure; the target's kind, direction, years and numbers (the same number fields as correcting a target,
// ./target-fields.tsx) and its wording; and where it is written: one of the plan's documents (its own resolution
// first) with a page, a paragraph or a quote. The server checks the definition as the dataset import does, and the
// overview shows the new indicator with its evaluation at once.
import { Group, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client.ts';
import type { Direction, TargetKind } from '../../../src/core/vocabulary.ts';
import { usePlan } from '../data/queries.ts';
import { useLocale } from '../i18n/locale.tsx';
import { kindNames } from '../i18n/messages.ts';
import { useTargetEditText, type EditableNumber } from '../i18n/target-edit-messages.ts';
import { ItemDialog, sent, type Errors } from './item-dialog.tsx';
import { readOutlineAgain } from './outline-item-editor.tsx';
import { readNumbers, TargetNumbers } from './target-fields.tsx';

type Word = 'among' | 'standard' | 'description';
type Term = { firstYear: number; lastYear: number };

/**
 * The kinds a target can be added with here, each with its numbers (the first required) and the word it needs; the
 * rest of the definition follows from the years: the final year, the base year of a growth, a threshold's sign. A
 * multiple of a baseline and a benchmark-relative target name another period or indicator: the dataset adds them.
 */
interface NewKind {
  numbers: EditableNumber[];
  word?: Word;
  rest: (t: Term, d: Direction, strict: boolean) => object;
}
const NEW_KINDS: Partial<Record<TargetKind, NewKind>> = {
  level_at_end: { numbers: ['value'], rest: (t) => ({ year: t.lastYear }) },
  threshold: {
    numbers: ['value'],
    // "trên / hơn" is the threshold's own sign: > rather than ≥ (< rather than ≤ for a lower-is-better one).
    rest: (t, d, strict) => ({ year: t.lastYear, op: `${d === 'lower_better' ? '<' : '>'}${strict ? '' : '='}` }),
  },
  range_at_end: { numbers: ['min', 'max'], rest: (t) => ({ year: t.lastYear }) },
  growth_average: {
    numbers: ['min', 'max'],
    rest: (t) => ({ averaging: 'geometric', baseYear: t.firstYear - 1 }),
  },
  term_average: { numbers: ['min', 'max'], rest: () => ({}) },
  cumulative: { numbers: ['value', 'max'], rest: () => ({}) },
  yearly_flow: { numbers: ['value', 'max'], rest: () => ({}) },
  rank: { numbers: ['maxRank'], word: 'among', rest: (t) => ({ year: t.lastYear }) },
  units_meeting_standard: {
    numbers: ['share', 'count', 'ofCount'],
    word: 'standard',
    rest: (t) => ({ year: t.lastYear }),
  },
  milestone: { numbers: [], word: 'description', rest: (t) => ({ dueYear: t.lastYear }) },
};
const KINDS = Object.keys(NEW_KINDS) as TargetKind[];

interface Form {
  code: string;
  name: string;
  unitOfMeasure: string;
  kind: TargetKind;
  direction: Direction;
  firstYear: string;
  lastYear: string;
  numbers: Partial<Record<EditableNumber, string>>;
  strict: boolean;
  word: string;
  text: string;
  documentId: string;
  page: string;
  paragraph: string;
  quote: string;
}

const FIELDS = [
  'code',
  'name',
  'unitOfMeasure',
  'kind',
  'firstYear',
  'lastYear',
  'value',
  'min',
  'max',
  'share',
  'count',
  'ofCount',
  'maxRank',
  'word',
  'text',
  'documentId',
  'page',
  'paragraph',
  'quote',
];

/** The server's path for a field of the body ("target/spec/value", "target/citation/page") as the dialog's field. */
const fieldOf = (path: string): string =>
  path
    .replace(/^target\/spec\/(among|standard|description)$/, 'word')
    .replace(/^target\/citation$/, 'page')
    .replace(/^target\/(spec|citation)\//, '')
    .replace(/^target\/text$/, 'text');

export function IndicatorCreator({ plan }: { plan: string }) {
  const e = useTargetEditText();
  const { locale } = useLocale();
  const qc = useQueryClient();
  const detail = usePlan(plan);
  const documents = detail.data?.documents ?? [];
  const empty = (): Form => ({
    code: '',
    name: '',
    unitOfMeasure: '',
    kind: 'level_at_end',
    direction: 'higher_better',
    firstYear: String(detail.data?.term.firstYear ?? ''),
    lastYear: String(detail.data?.term.lastYear ?? ''),
    numbers: {},
    strict: false,
    word: '',
    text: '',
    // The plan's own resolution first, as the server defaults to it.
    documentId: (documents.find((d) => d.role === 'plan') ?? documents[0])?.id ?? '',
    page: '',
    paragraph: '',
    quote: '',
  });
  const [form, setForm] = useState<Form>(empty);
  const shape: NewKind = NEW_KINDS[form.kind] ?? { numbers: [], rest: () => ({}) };
  const mayBeStrict = form.kind !== 'range_at_end' && form.kind !== 'milestone' && !form.numbers.max?.trim();
  const year = (v: string) => (/^\d{4}$/.test(v.trim()) ? Number(v) : null);

  const check = (): Errors => {
    const errs: Errors = {};
    for (const f of ['code', 'name', 'unitOfMeasure', 'text'] as const) if (!form[f].trim()) errs[f] = e.required;
    for (const f of ['firstYear', 'lastYear'] as const) if (year(form[f]) === null) errs[f] = e.yearRequired;
    const first = shape.numbers[0];
    if (first && !form.numbers[first]?.trim()) errs[first] = e.required;
    if (shape.word && !form.word.trim()) errs.word = e.required;
    if (!/^\d*$/.test(form.page.trim())) errs.page = e.pageNumber;
    if (!form.page.trim() && !form.paragraph.trim() && !form.quote.trim()) errs.page = e.placeRequired;
    return { ...errs, ...readNumbers(written(), locale).errors };
  };

  /** The numbers the kind has and the plan owner wrote. */
  const written = () =>
    Object.fromEntries(
      shape.numbers.flatMap((f) => (form.numbers[f]?.trim() ? [[f, form.numbers[f] ?? '']] : [])),
    ) as Partial<Record<EditableNumber, string>>;

  const send = async (reason: string) => {
    const term = { firstYear: year(form.firstYear) ?? 0, lastYear: year(form.lastYear) ?? 0 };
    const strict = mayBeStrict && form.strict;
    const spec = {
      kind: form.kind,
      direction: form.direction,
      term,
      ...readNumbers(written(), locale).values,
      ...shape.rest(term, form.direction, strict),
      ...(shape.word ? { [shape.word]: form.word.trim() } : {}),
      ...(strict && form.kind !== 'threshold' ? { strict: true } : {}),
    };
    const text = (v: string) => (v.trim() ? v.trim() : undefined);
    const r = await api.POST('/api/plans/{code}/indicators', {
      params: { path: { code: plan } },
      body: {
        code: form.code.trim(),
        name: form.name.trim(),
        unitOfMeasure: form.unitOfMeasure.trim(),
        target: {
          spec,
          text: form.text.trim(),
          citation: {
            ...(form.documentId ? { documentId: form.documentId } : {}),
            ...(form.page.trim() ? { page: Number(form.page) } : {}),
            ...(text(form.paragraph) ? { paragraph: text(form.paragraph) } : {}),
            ...(text(form.quote) ? { quote: text(form.quote) } : {}),
          },
        },
        reason,
      },
    });
    if (r.data) await readOutlineAgain(qc, plan);
    return sent(r, e.itemAdded(r.data?.code ?? ''));
  };

  return (
    <ItemDialog
      testId="indicator-add"
      button={{ text: e.addIndicator, size: 'compact-sm', disabled: !detail.data }}
      title={e.addTitle.indicator}
      adds
      size="lg"
      fields={FIELDS}
      onOpen={() => setForm(empty())}
      check={check}
      send={send}
      fieldOf={fieldOf}
      conflict={() => e.codeInUse(form.code.trim())}
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
            data-testid={`indicator-add-${name}`}
            {...extra}
          />
        );
        return (
          <>
            <Group grow align="flex-start">
              {input('code', e.itemCode, { required: true })}
              {input('unitOfMeasure', e.unitOfMeasure, { required: true })}
            </Group>
            {input('name', e.indicatorName, { required: true })}
            <fieldset className="te-document">
              <legend>{e.targetLegend}</legend>
              <Stack gap="xs">
                <Group grow align="flex-start">
                  <NativeSelect
                    label={e.kind}
                    value={form.kind}
                    onChange={(ev) => {
                      const kind = ev.currentTarget.value as TargetKind;
                      setForm((f) => ({ ...f, kind, numbers: {}, word: '' }));
                      clear('kind');
                    }}
                    data={KINDS.map((k) => ({ value: k, label: kindNames[locale][k] }))}
                    error={errors.kind}
                    data-testid="indicator-add-kind"
                  />
                  <NativeSelect
                    label={e.direction}
                    value={form.direction}
                    onChange={(ev) => set('direction', ev.currentTarget.value as Direction)}
                    data={(['higher_better', 'lower_better'] as const).map((d) => ({
                      value: d,
                      label: e.directions[d],
                    }))}
                    data-testid="indicator-add-direction"
                  />
                </Group>
                <Group grow align="flex-start">
                  {input('firstYear', e.firstYear, { inputMode: 'numeric', required: true })}
                  {input('lastYear', e.lastYear, { inputMode: 'numeric', required: true })}
                </Group>
                <TargetNumbers
                  testId="indicator-add"
                  shown={shape.numbers}
                  numbers={form.numbers}
                  errors={errors}
                  onNumber={(f, v) => {
                    setForm((s) => ({ ...s, numbers: { ...s.numbers, [f]: v } }));
                    clear(f);
                  }}
                  {...(mayBeStrict ? { strict: { checked: form.strict, onChange: (c) => set('strict', c) } } : {})}
                />
                {shape.word && input('word', e.word[shape.word], { required: true })}
                <Textarea
                  label={e.text}
                  value={form.text}
                  onChange={(ev) => set('text', ev.currentTarget.value)}
                  error={errors.text}
                  autosize
                  minRows={2}
                  required
                  data-testid="indicator-add-text"
                />
              </Stack>
            </fieldset>
            <fieldset className="te-document">
              <legend>{e.citationLegend}</legend>
              <Stack gap="xs">
                <NativeSelect
                  label={e.citedDocument}
                  value={form.documentId}
                  onChange={(ev) => set('documentId', ev.currentTarget.value)}
                  data={
                    documents.length === 0
                      ? [{ value: '', label: e.noDocuments }]
                      : documents.map((d) => ({ value: d.id, label: d.number ? `${d.title} (${d.number})` : d.title }))
                  }
                  error={errors.documentId}
                  data-testid="indicator-add-document"
                />
                <Group grow align="flex-start">
                  {input('page', e.page, { inputMode: 'numeric' })}
                  {input('paragraph', e.paragraph)}
                </Group>
                <Textarea
                  label={e.quote}
                  value={form.quote}
                  onChange={(ev) => set('quote', ev.currentTarget.value)}
                  error={errors.quote}
                  autosize
                  minRows={2}
                  data-testid="indicator-add-quote"
                />
              </Stack>
            </fieldset>
          </>
        );
      }}
    </ItemDialog>
  );
}
