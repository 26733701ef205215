/**
 * Segment map: every customer (or a bounded, stratified sample of a big file)
 * on the two clustering axes, coloured by segment, with each segment's centre
 * marked and named; k and the silhouette in the subtitle.
 */
import type { ChartInput, ChartSpec } from '../types.ts';
import { capitalise, count, fixed, frame, int, largest, segmentPercents } from './common.ts';
import { MAP_SIZE, mapLayers, mapSubtitle } from './map-layers.ts';

export { MAP_POINT_CAP } from './map-layers.ts';

export function segmentMap(input: ChartInput): ChartSpec {
  const a = input.analysis;
  const parts = mapLayers(input);
  const title = 'Customer segments';
  const big = largest(a);
  // One group (no structure) has no largest segment and no silhouette (it read "One segments …, silhouette 0.00").
  const alt =
    a.segments.length === 1
      ? `All ${int(a.rows)} customers plotted by ${parts.frame.phrase} as one group, with no clear segments.`
      : `${capitalise(count(a.segments.length))} segments of ${int(a.rows)} customers plotted by ${parts.frame.phrase}; ` +
        `the largest, ${big.name}, holds ${segmentPercents(a).get(big.id)} of customers (average silhouette ${fixed(a.silhouette)}).`;
  const spec = {
    ...frame(title, mapSubtitle(input, parts)),
    width: MAP_SIZE.width,
    height: MAP_SIZE.height,
    layer: [parts.dots, ...parts.centres, ...parts.labels],
  };
  return { kind: 'segment-map', title, alt, spec: spec as ChartSpec['spec'] };
}
