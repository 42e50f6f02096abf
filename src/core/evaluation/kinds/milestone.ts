// A milestone (at least one modern waste-treatment plant): done ("1", with date and evidence) or not ("0"). Before
// its due year a milestone not yet done is not late, in its due year it is at risk; done is decided for good.
import { InvalidObservation } from '../../errors.ts';
import type { MilestoneTarget } from '../../targets/target.ts';
import type { KindContext, KindEvaluation } from '../context.ts';
import { estimateMark } from '../explain.ts';
import { restsOn, type PreparedObservation } from '../prepare.ts';
import type { EvaluationStatus } from '../types.ts';

export function evaluateMilestone(ctx: KindContext<MilestoneTarget>): KindEvaluation {
  const t = ctx.target;
  const reports = ctx.obs.filter((o) => o.input.measure === undefined || o.input.measure === 'done');
  for (const o of reports) {
    if (o.value.text !== '1' && o.value.text !== '0') {
      throw new InvalidObservation(
        {
          vi: `Mốc hoàn thành chỉ nhận 1 (xong) hoặc 0 (chưa xong), kỳ ${o.input.period} có ${o.value.text}`,
          en: `A milestone takes 1 (done) or 0 (not done); ${o.input.period} has ${o.value.text}`,
        },
        { period: o.input.period, value: o.value.text },
      );
    }
  }
  const done = reports.find((o) => o.value.text === '1');
  const latest = done ?? [...reports].sort((a, b) => a.endYear - b.endYear || a.months - b.months).pop();
  const parameters = { description: t.description, dueYear: t.dueYear };
  const method = { name: 'chitieu_default', parameters };
  const used: PreparedObservation[] = latest === undefined ? [] : [latest];
  const rests = restsOn(used);
  const actual = {
    value: latest?.value.text ?? null,
    period: latest?.input.period ?? null,
    method: 'done_or_not',
    ...rests,
  };
  const intermediates: Record<string, string> = {};
  if (done?.input.date !== undefined) intermediates.date = done.input.date;
  if (done?.input.evidence !== undefined) intermediates.evidence = done.input.evidence;
  const mark = estimateMark(rests.anyEstimate);
  const base = { actual, achievement: null, required: null, projection: null, method, intermediates };
  if (done !== undefined) {
    const when = done.input.date ?? done.input.period;
    return {
      ...base,
      status: ctx.phase === 'final' ? 'met' : 'on_track',
      ...(ctx.phase === 'final' ? {} : { decided: 'met' as const }),
      explanation: {
        vi: `Đã hoàn thành (${when})${mark.vi}: ${t.description}`,
        en: `Done (${when})${mark.en}: ${t.description}`,
      },
    };
  }
  let status: EvaluationStatus;
  if (latest === undefined) status = 'no_data';
  else if (ctx.phase === 'final') status = 'not_met';
  else status = ctx.asOf.year < t.dueYear ? 'on_track' : 'at_risk';
  const explanation =
    latest === undefined
      ? {
          vi: `Chưa có báo cáo (hạn ${t.dueYear}): ${t.description}`,
          en: `Not reported yet (due ${t.dueYear}): ${t.description}`,
        }
      : {
          vi: `Chưa hoàn thành (hạn ${t.dueYear})${mark.vi}: ${t.description}`,
          en: `Not done yet (due ${t.dueYear})${mark.en}: ${t.description}`,
        };
  return { ...base, status, explanation };
}
