import { describe, expect, it } from 'vitest';
import { intermediateLabel, intermediateValue } from './intermediate-labels.ts';

describe('the intermediate figures in words', () => {
  it('names the known figures, the years and the series, and leaves an unknown name as it is', () => {
    expect(intermediateLabel('averageExact', 'vi')).toBe('Tốc độ tăng bình quân (%/năm)');
    expect(intermediateLabel('averageExact', 'en')).toBe('Average growth (%/year)');
    expect(intermediateLabel('year.2028', 'vi')).toBe('Năm 2028');
    expect(intermediateLabel('series.2.value', 'en')).toBe('Series 2: value');
    expect(intermediateLabel('somethingNew', 'vi')).toBe('somethingNew');
  });
  it('puts statuses, lists of statuses and codes in words, and leaves other values alone', () => {
    expect(intermediateValue('not_met', 'vi')).not.toBe('not_met');
    expect(intermediateValue('met,exceeded', 'en').split(', ')).toHaveLength(2);
    expect(intermediateValue('no_trend', 'vi')).toBe('chưa đủ số liệu để tính xu hướng');
    expect(intermediateValue('2021-2025', 'vi')).toBe('2021-2025');
    expect(intermediateValue('2021,2022', 'vi')).toBe('2021,2022');
  });
});
