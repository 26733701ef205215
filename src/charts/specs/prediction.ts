/**
 * Prediction: the segment map with the new customer starred and joined to the
 * centre of the segment it was assigned to, so the answer is visible, not
 * just stated.
 */
import { INK, segmentColor } from '../theme.ts';
import type { ChartInput, ChartSpec } from '../types.ts';
import { fixed, frame, round3, segmentLabel } from './common.ts';
import { MAP_SIZE, mapLayers, mapSubtitle } from './map-layers.ts';

const CLARITY: Record<string, string> = {
  clear: 'a clear match',
  'fairly clear': 'a fairly clear match',
  borderline: 'a borderline case between segments',
};

export function prediction(input: ChartInput): ChartSpec {
  if (!input.prediction) throw new Error('the prediction chart needs input.prediction');
  const { customer, result } = input.prediction;
  const parts = mapLayers(input, [{ customer, text: 'New customer', centre: result.segment.id }], true);
  const [x, y] = parts.frame.place(customer);
  const centre = parts.frame.centroids.find((c) => c.id === result.segment.id)!;
  const runnerUp = [...result.distances]
    .filter((d) => d.id !== result.segment.id)
    .sort((p, q) => p.distance - q.distance || p.id - q.id)[0];
  const who = [
    `age ${customer.age}`,
    customer.gender?.toLowerCase(),
    `income ${customer.income} k$`,
    `spending score ${customer.spending}`,
  ]
    .filter(Boolean)
    .join(', ');
  // Unlike the training data: the nearest centre is a guess, whatever the margin says.
  const match = result.tentative
    ? 'unlike any customer in the data, so only tentatively'
    : CLARITY[result.clarity];
  const title = `New customer${result.tentative ? ', tentatively' : ''}: ${segmentLabel(result.segment)}`;
  // One group (no structure): no border to be near, so no margin ("a borderline case between segments (margin 0.00)").
  const alt = !runnerUp
    ? `A new customer (${who}) sits among the customers of the one group, ${segmentLabel(result.segment)}, with no segments to choose between.`
    : `A new customer (${who}) sits nearest the centre of segment ${segmentLabel(result.segment)}, ` +
      `${match} (margin ${fixed(result.margin)}); the next closest is ${runnerUp.name}.`;
  const pos = { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } };
  const join = {
    data: { values: [{ x: round3(x), y: round3(y), x2: round3(centre.x), y2: round3(centre.y) }] },
    mark: { type: 'rule', color: INK, strokeWidth: 2, strokeDash: [6, 4], aria: false },
    encoding: { ...pos, x2: { field: 'x2' }, y2: { field: 'y2' } },
  };
  const star = {
    data: { values: [{ x: round3(x), y: round3(y) }] },
    mark: {
      type: 'point',
      shape:
        'M0,-1L0.235,-0.324L0.951,-0.309L0.38,0.124L0.588,0.809L0,0.4L-0.588,0.809L-0.38,0.124L-0.951,-0.309L-0.235,-0.324Z',
      filled: true,
      size: 700,
      fill: segmentColor(result.segment.id),
      fillOpacity: 1,
      stroke: INK,
      strokeWidth: 2,
      aria: false,
    },
    encoding: pos,
  };
  const subtitle = [
    `A ${customer.gender ? `${customer.gender.toLowerCase()} ` : ''}customer aged ${customer.age}, income ${customer.income} k$, spending score ${customer.spending}: ${match} (margin ${fixed(result.margin)}, 0 = on a border, 1 = at a centre).`,
    ...mapSubtitle(input, parts),
  ];
  const spec = {
    ...frame(title, subtitle),
    width: MAP_SIZE.width,
    height: MAP_SIZE.height,
    layer: [parts.dots, join, ...parts.centres, star, ...parts.labels],
  };
  return { kind: 'prediction', title, alt, spec: spec as ChartSpec['spec'] };
}
