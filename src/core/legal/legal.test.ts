import { describe, expect, it } from 'vitest';
import {
  CODE_LIST_QD124_2004,
  CODE_LIST_QD19_2025,
  DEFAULT_REPORTING_RULES,
  ND_09_2019,
  citeDocument,
  codeListOn,
  describeBasis,
  reportingRulesIssues,
} from './index.ts';

describe('the legal-basis registry', () => {
  it('cites a document as running text does', () => {
    expect(citeDocument(ND_09_2019)).toBe('Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ');
  });

  it('names the provision that sets the default cut-off day', () => {
    expect(DEFAULT_REPORTING_RULES.cutoffDay.value).toBe(14);
    expect(describeBasis(DEFAULT_REPORTING_RULES.cutoffDay.basis)).toBe(
      'Điều 12 Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ',
    );
    expect(describeBasis(DEFAULT_REPORTING_RULES.deadline.basis)).toMatch(/^Điều 13 /);
  });

  it('says in words when a parameter is chitieu’s own derivation rather than law', () => {
    expect(describeBasis(DEFAULT_REPORTING_RULES.periods.span, 'en')).toMatch(/chitieu/);
  });

  it('accepts the default reporting rules as they are', () => {
    expect(reportingRulesIssues(DEFAULT_REPORTING_RULES)).toEqual([]);
  });

  it('picks the code list in force on a date', () => {
    expect(codeListOn('2025-06-30')).toBe(CODE_LIST_QD124_2004);
    expect(codeListOn('2025-07-01')).toBe(CODE_LIST_QD19_2025);
    expect(codeListOn('2000-01-01')).toBeUndefined();
    expect(CODE_LIST_QD19_2025.digits).toEqual({ province: 2, commune: 5 });
  });
});

describe('documents of the plan chain', () => {
  it('cites a document whose number and date the source does not state', () => {
    expect(
      citeDocument({
        kind: 'congress_resolution',
        number: null,
        date: null,
        issuer: 'Đại hội đại biểu Đảng bộ thành phố Hải Phòng lần thứ XVI',
        title: 'Nghị quyết Đại hội',
      }),
    ).toBe('Nghị quyết Đại hội của Đại hội đại biểu Đảng bộ thành phố Hải Phòng lần thứ XVI');
  });
});
