// The part of a target's form that a plan owner fills in both when correcting a target and when adding an
// indicator with its first one: the numbers of its definition, read as a person writes them (the figures import's
// own reader: "14,5" and "1.234,5"; "1.234" is refused as ambiguous), and whether the bound itself counts.
import { Checkbox, Group, TextInput } from '@mantine/core';
import { parseNumberText } from '../../../src/core/interchange/cells.ts';
import { useTargetEditText, type EditableNumber } from '../i18n/target-edit-messages.ts';
import type { Errors } from './item-dialog.tsx';

/** Counts and ranks are whole numbers in a target's definition; every other number is a decimal string. */
const WHOLE: ReadonlySet<EditableNumber> = new Set(['count', 'ofCount', 'maxRank']);

/** The numbers as the definition holds them, or each one's reason under its field. */
export function readNumbers(
  numbers: Partial<Record<EditableNumber, string>>,
  locale: 'vi' | 'en',
): { values: Partial<Record<EditableNumber, string | number>>; errors: Errors } {
  const values: Partial<Record<EditableNumber, string | number>> = {};
  const errors: Errors = {};
  for (const [f, w] of Object.entries(numbers) as [EditableNumber, string][]) {
    const r = parseNumberText(w);
    if (r.ok) values[f] = WHOLE.has(f) ? Number(r.value) : r.value;
    else errors[f] = r.reason[locale];
  }
  return { values, errors };
}

export function TargetNumbers({
  testId,
  shown,
  numbers,
  errors,
  onNumber,
  strict,
}: {
  testId: string;
  shown: readonly EditableNumber[];
  numbers: Partial<Record<EditableNumber, string>>;
  errors: Errors;
  onNumber: (field: EditableNumber, written: string) => void;
  /** Offered on a single bound only (not on a range, a band or a milestone). */
  strict?: { checked: boolean; onChange: (checked: boolean) => void };
}) {
  const e = useTargetEditText();
  return (
    <>
      {shown.length > 0 && (
        <Group grow align="flex-start">
          {shown.map((f) => (
            <TextInput
              key={f}
              label={e.field[f]}
              inputMode="decimal"
              value={numbers[f] ?? ''}
              onChange={(ev) => onNumber(f, ev.currentTarget.value)}
              error={errors[f]}
              data-testid={`${testId}-${f}`}
            />
          ))}
        </Group>
      )}
      {strict && (
        <Checkbox
          label={e.strict}
          checked={strict.checked}
          onChange={(ev) => strict.onChange(ev.currentTarget.checked)}
          data-testid={`${testId}-strict`}
        />
      )}
    </>
  );
}
