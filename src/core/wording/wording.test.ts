import { describe, expect, it } from 'vitest';
import { resultOverTarget } from './notation.ts';
import { summarize } from './summary.ts';
import { wordFor } from './verdict.ts';
import { EN_STANDARD, VI_OFFICIAL, VI_OFFICIAL_SUFFIX, VOCABULARIES, type Vocabulary } from './vocabulary.ts';
import { PRINTED_STATUSES } from './status.ts';

describe('the word a plan prints for a verdict', () => {
  it.each([
    ['exceeded', 'exceeded', 'Vượt'],
    ['exceeded', 'met', 'Đạt'],
    ['met', 'exceeded', 'Đạt'],
    ['not_met', 'exceeded', 'Không đạt'],
    ['no_data', 'exceeded', 'Chưa có số liệu'],
    ['nearly_met', 'exceeded', 'Xấp xỉ đạt'],
    ['basically_met', 'met', 'Cơ bản đạt'],
    ['on_track', 'exceeded', 'Có khả năng hoàn thành'],
    ['off_track', 'exceeded', 'Khó đạt'],
  ] as const)('prints %s as "%3$s" when the plan shows exceeded as %s', (status, exceededAs, word) => {
    expect(wordFor(status, { exceededAs })).toBe(word);
  });

  it('prints "Vượt" for Hải Phòng 2020–2025 and "Đạt" for Hải Dương on the same result', () => {
    expect(wordFor('exceeded', { exceededAs: 'exceeded' })).toBe('Vượt');
    expect(wordFor('exceeded', { exceededAs: 'met' })).toBe('Đạt');
  });

  it('marks a verdict that rests on estimates with "Ước" the way official texts write "ước đạt"', () => {
    expect(wordFor('met', { restsOnEstimate: true })).toBe('Ước đạt');
    expect(wordFor('exceeded', { restsOnEstimate: true })).toBe('Ước vượt');
    expect(wordFor('not_met', { restsOnEstimate: true })).toBe('Ước không đạt');
  });

  it('can mark estimates after the word so the verdict column keeps its words', () => {
    expect(wordFor('met', { restsOnEstimate: true, vocabulary: VI_OFFICIAL_SUFFIX })).toBe('Đạt (ước)');
  });

  it('never marks "no data" as an estimate', () => {
    expect(wordFor('no_data', { restsOnEstimate: true })).toBe('Chưa có số liệu');
  });

  it('speaks English on request', () => {
    expect(wordFor('exceeded', { locale: 'en' })).toBe('Exceeded');
    expect(wordFor('met', { locale: 'en', restsOnEstimate: true })).toBe('Met (est.)');
    expect(wordFor('at_risk', { locale: 'en' })).toBe('At risk');
  });

  it('takes a plan’s own vocabulary as data', () => {
    const own: Vocabulary = { ...VI_OFFICIAL, id: 'own', words: { ...VI_OFFICIAL.words, exceeded: 'Vượt mục tiêu' } };
    expect(wordFor('exceeded', { vocabulary: own })).toBe('Vượt mục tiêu');
  });

  it('refuses a status it does not know', () => {
    expect(() => wordFor('passed' as never)).toThrowError(/unknown/);
  });

  it('has a word for every status in every bundled vocabulary, each with its source', () => {
    for (const v of VOCABULARIES) {
      for (const s of PRINTED_STATUSES) expect(v.words[s].length).toBeGreaterThan(0);
      expect(v.basis).toBeDefined();
    }
  });
});

describe('the summary line', () => {
  const results = [
    ...Array<'exceeded'>(10).fill('exceeded'),
    ...Array<'met'>(12).fill('met'),
    'nearly_met',
    'nearly_met',
    'not_met',
    'no_data',
  ] as const;

  it('counts met and exceeded over all targets: "đạt và vượt 22/26 chỉ tiêu"', () => {
    const s = summarize(results);
    expect(s).toMatchObject({
      kind: 'final',
      good: 22,
      total: 26,
      restsOnEstimate: false,
      line: 'đạt và vượt 22/26 chỉ tiêu',
    });
  });

  it('writes the count-first form on request', () => {
    expect(summarize(results, { form: 'count_first' }).line).toBe('Có 22/26 chỉ tiêu đạt và vượt');
  });

  it('lists the count per printed word, folding exceeded into met when the plan does', () => {
    expect(summarize(results).counts.map((c) => c.text)).toEqual([
      'vượt 10/26',
      'đạt 12/26',
      'xấp xỉ đạt 2/26',
      'không đạt 1/26',
      'chưa có số liệu 1/26',
    ]);
    expect(summarize(results, { exceededAs: 'met' }).counts.map((c) => c.text)).toEqual([
      'đạt 22/26',
      'xấp xỉ đạt 2/26',
      'không đạt 1/26',
      'chưa có số liệu 1/26',
    ]);
  });

  it('says "ước" when a counted verdict rests on an estimate', () => {
    const s = summarize([{ status: 'met', restsOnEstimate: true }, 'exceeded', 'not_met']);
    expect(s.line).toBe('ước đạt và vượt 2/3 chỉ tiêu');
    expect(summarize([{ status: 'not_met', restsOnEstimate: true }, 'met']).line).toBe('đạt và vượt 1/2 chỉ tiêu');
  });

  it('summarises in-term projections by what is on track', () => {
    expect(summarize(['on_track', 'on_track', 'at_risk', 'no_data']).line).toBe('2/4 chỉ tiêu có khả năng hoàn thành');
  });

  it('refuses to mix final verdicts with in-term projections', () => {
    expect(() => summarize(['met', 'on_track'])).toThrowError(/Cannot summarise/);
  });

  it('writes the English line', () => {
    expect(summarize(['met', 'exceeded', 'not_met'], { vocabulary: EN_STANDARD }).line).toBe(
      '2/3 targets met or exceeded',
    );
  });
});

describe('result/target notation', () => {
  it.each([
    ['45799', '36875', 'tỷ đồng', '45.799/36.875 tỷ đồng'],
    ['83.2', '50', '%', '83,2%/50%'],
    ['55', '67', 'xã', '55/67 xã'],
    ['11.39', '13.5', '%/năm', '11,39%/13,5%/năm'],
  ])('writes %s over %s in %s as "%s"', (result, target, unit, text) => {
    expect(resultOverTarget(result, target, { unit })).toBe(text);
  });

  it('writes English separators on request', () => {
    expect(resultOverTarget('45799', '36875', { locale: 'en', unit: 'billion VND' })).toBe('45,799/36,875 billion VND');
  });
});

describe('the summary of a review whose figures have not arrived', () => {
  it('is an in-term line when the caller says the review is in term, even if every target has no data yet', () => {
    expect(summarize(['no_data', 'no_data'], { kind: 'in_term' }).line).toBe('0/2 chỉ tiêu có khả năng hoàn thành');
    expect(summarize(['no_data', 'no_data']).kind).toBe('final');
  });

  it('refuses to call in-term projections a final review', () => {
    expect(() => summarize(['on_track'], { kind: 'final' })).toThrow(/Cannot summarise/);
  });
});
