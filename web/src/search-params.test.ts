import { describe, expect, it } from 'vitest';
import { validateWorklistSearch } from './search-params.ts';

describe("the worklist's selection in its URL", () => {
  it('keeps a year as a number, so the router writes period=2026 rather than a quoted string', () => {
    expect(validateWorklistSearch({ agency: 'so-tai-chinh', period: '2026' })).toEqual({
      agency: 'so-tai-chinh',
      period: 2026,
    });
    expect(validateWorklistSearch({ period: 2026 })).toEqual({ agency: undefined, period: 2026 });
  });
  it('keeps a sub-year period as text', () => {
    expect(validateWorklistSearch({ period: '2026-Q3' }).period).toBe('2026-Q3');
  });
  it('drops what a hand-edited link cannot mean', () => {
    expect(validateWorklistSearch({ agency: '  ', period: 'năm ngoái' })).toEqual({ agency: undefined });
    expect(validateWorklistSearch({ period: '26' }).period).toBeUndefined();
  });
});
