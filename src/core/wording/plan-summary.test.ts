import { describe, expect, it } from 'vitest';
import { planSummaryLine, type PlanSummaryRow } from './plan-summary.ts';

const rows = (n: number, r: PlanSummaryRow): PlanSummaryRow[] => Array.from({ length: n }, () => r);
const noData: PlanSummaryRow = { status: 'no_data', phase: 'in_term', restsOnEstimate: false };

describe('the summary line of a plan', () => {
  it('with no figures at all says how many targets have none, not "0/81 … có khả năng hoàn thành"', () => {
    const all = rows(81, noData);
    expect(planSummaryLine(all, { exceededAs: 'exceeded', locale: 'vi' })).toBe('81 chỉ tiêu chưa có số liệu');
    expect(planSummaryLine(all, { exceededAs: 'exceeded', locale: 'en' })).toBe('81 targets have no figures yet');
  });

  it('with some figures counts the verdicts and still says how many have none or cannot be evaluated', () => {
    const mixed = [
      ...rows(2, { status: 'on_track', phase: 'in_term', restsOnEstimate: false }),
      ...rows(1, { status: 'off_track', phase: 'in_term', restsOnEstimate: false }),
      ...rows(1200, noData),
      { status: null, phase: null, restsOnEstimate: false },
    ];
    expect(planSummaryLine(mixed, { exceededAs: 'exceeded', locale: 'vi' })).toBe(
      '2/1.203 chỉ tiêu có khả năng hoàn thành; 1.200 chỉ tiêu chưa có số liệu; 1 chỉ tiêu không đánh giá được',
    );
  });
});
