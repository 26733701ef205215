/** The three RFM measures, in the column order of the clustering space (analyze.ts). */
export const RFM_MEASURES = ['recency', 'frequency', 'monetary'] as const;
export type RfmMeasure = (typeof RFM_MEASURES)[number];
export type RfmFigures = Record<RfmMeasure, number>;
