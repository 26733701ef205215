/**
 * Revenue by month: net revenue (purchases minus netted cancellations) of the
 * cleaned lines per calendar month, one bar each; already aggregated in
 * core/rfm/aggregate.ts, so a million lines are a few dozen marks.
 */
import { formatCount } from '../../words.ts';
import { NEUTRAL_FILL } from '../theme.ts';
import type { ChartSpec, RfmChartInput } from '../types.ts';
import { frame } from './common.ts';
import { MONEY_LABEL } from './rfm-common.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** 2011-03 → "Mar 2011". */
export const monthLabel = (key: string) => `${MONTHS[Number(key.slice(5, 7)) - 1]} ${key.slice(0, 4)}`;

export function rfmRevenueByMonth(input: RfmChartInput): ChartSpec<'rfm-revenue-by-month'> {
  const months = input.months;
  const values = months.map((m) => ({
    month: monthLabel(m.month),
    revenue: m.revenue,
    invoices: m.invoices,
  }));
  const total = months.reduce((s, m) => s + m.revenue, 0);
  const best = months.reduce(
    (b, m) => (m.revenue > b.revenue ? m : b),
    months[0] ?? { month: '', revenue: 0, invoices: 0 },
  );
  const title = 'Revenue by month';
  const sub = months.length
    ? [
        `Net revenue of the kept order lines (purchases minus netted cancellations): ${formatCount(total)} over ${months.length} month${months.length === 1 ? '' : 's'}; highest in ${monthLabel(best.month)} (${formatCount(best.revenue)}).`,
      ]
    : ['No kept order lines.'];
  const alt = months.length
    ? `Net revenue per month from ${monthLabel(months[0]!.month)} to ${monthLabel(months[months.length - 1]!.month)}, ${formatCount(total)} in all; the highest month is ${monthLabel(best.month)} with ${formatCount(best.revenue)}.`
    : 'No revenue to show.';
  const spec = {
    ...frame(title, sub),
    width: 540,
    height: 240,
    data: { values },
    mark: { type: 'bar', color: NEUTRAL_FILL, aria: false },
    encoding: {
      x: {
        field: 'month',
        type: 'ordinal',
        sort: values.map((v) => v.month),
        title: null,
        axis: { labelAngle: values.length > 8 ? -45 : 0, labelOverlap: 'parity' },
      },
      y: {
        field: 'revenue',
        type: 'quantitative',
        title: 'Net revenue',
        axis: { labelExpr: MONEY_LABEL, tickCount: 5 },
      },
    },
  };
  return { kind: 'rfm-revenue-by-month', title, alt, spec: spec as ChartSpec['spec'] };
}
