import { describe, expect, it } from 'vitest';
import { fold, matches } from './fold.ts';

describe('search folding', () => {
  it('finds "tăng trưởng" when typed without diacritics', () => {
    expect(matches('Tốc độ tăng trưởng GRDP', 'tang truong')).toBe(true);
  });
  it('folds đ to d, which has no canonical decomposition', () => {
    expect(fold('Đống Đa')).toBe('dong da');
    expect(matches('Đầu tư', 'dau tu')).toBe(true);
  });
  it('still requires every word', () => {
    expect(matches('Tốc độ tăng trưởng GRDP', 'tang xuat khau')).toBe(false);
  });
});
