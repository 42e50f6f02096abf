// A number for each slot (indicator, unit, period) an import meets, so that the set of slots seen in a large file is a
// map of numbers, not of ~90-character strings: at 100,000 rows that is a few MiB instead of tens, and no string is
// built a row. Each part gets a small ordinal as it is first met; the (indicator, unit) pair gets one too.

const PERIODS = 2 ** 21; // distinct periods in one file; pairs below 2^32: the key stays an exact integer (< 2^53)

export class SlotKeys {
  readonly #indicators = new Map<string, number>();
  readonly #units = new Map<string, number>();
  readonly #periods = new Map<string, number>();
  readonly #pairs = new Map<number, number>();

  /** The slot's number: equal for equal slots, different for different ones. */
  key(indicatorId: string, unitId: string, period: string): number {
    const pair = ordinal(this.#pairs, ordinal(this.#indicators, indicatorId) * 2 ** 26 + ordinal(this.#units, unitId));
    const p = ordinal(this.#periods, period);
    if (p >= PERIODS || pair >= 2 ** 32) throw new RangeError('too many distinct slots for one import');
    return pair * PERIODS + p;
  }
}

function ordinal<K>(m: Map<K, number>, k: K): number {
  const known = m.get(k);
  if (known !== undefined) return known;
  m.set(k, m.size);
  return m.size - 1;
}
