import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.ts';
import type { Analysis, CustomerTable } from '../../src/core/types.ts';
import { HAS_MALL, loadMall, NO_MALL, REFERENCE } from '../support/mall.ts';

const ref = REFERENCE.incomeSpending;

describe.skipIf(!HAS_MALL)(
  `analysis of the real Mall file matches scikit-learn ${HAS_MALL ? '' : NO_MALL}`,
  () => {
    let table: CustomerTable;
    let analysis: Analysis;
    beforeAll(async () => {
      table = await loadMall();
      analysis = analyze(table);
    });

    it('recommends k = 5 on income × spending', () => {
      expect(analysis.selection.recommendedK).toBe(ref.k);
      expect(analysis.k).toBe(ref.k);
    });

    it('finds clear structure: the silhouette beats every groupless reference draw', () => {
      expect(analysis.structure).toBe('clear');
      expect(analysis.structureTest.beatGaussian).toBe(20);
      expect(analysis.structureTest.beatUniform).toBe(20);
    });

    it('reaches scikit-learn inertia within 0.5 % and its silhouette, CH and DB', () => {
      expect(Math.abs(analysis.inertia - ref.inertia) / ref.inertia).toBeLessThan(0.005);
      expect(analysis.silhouette).toBeCloseTo(ref.silhouette, 2);
      expect(Math.abs(analysis.silhouette - ref.silhouette)).toBeLessThanOrEqual(0.005);
      expect(analysis.calinskiHarabasz).toBeCloseTo(ref.calinskiHarabasz, 0);
      expect(analysis.daviesBouldin).toBeCloseTo(ref.daviesBouldin, 2);
    });

    it('finds the five classic segments with their sizes and centres', () => {
      expect(analysis.segments.map((s) => s.size)).toEqual(ref.sizes);
      analysis.segments.forEach((s, i) => {
        expect(s.centroid.income).toBeCloseTo(ref.centroids[i]![0]!, 1);
        expect(s.centroid.spending).toBeCloseTo(ref.centroids[i]![1]!, 1);
      });
    });

    it('names segments from where their centres sit, not from cluster numbers', () => {
      expect(analysis.segments.map((s) => s.name)).toEqual([
        'Mid income · Mid spending',
        'High income · High spending',
        'High income · Low spending',
        'Low income · Low spending',
        'Low income · High spending',
      ]);
    });

    it('sweeps inertia like scikit-learn for k = 2..6', () => {
      for (const [k, inertia] of Object.entries(ref.inertiaByK)) {
        const row = analysis.selection.rows.find((r) => r.k === Number(k))!;
        expect(Math.abs(row.inertia - inertia) / inertia).toBeLessThan(0.005);
      }
    });

    it('peaks the silhouette at k = 6 with age added and z-scored', () => {
      const three = analyze(table, { features: ['age', 'income', 'spending'], scaling: 'zscore' });
      const best = three.selection.rows.reduce((a, b) => (b.silhouette > a.silhouette ? b : a));
      expect(best.k).toBe(REFERENCE.ageIncomeSpendingZscore.silhouettePeakK);
      expect(Math.abs(best.silhouette - REFERENCE.ageIncomeSpendingZscore.silhouetteAtPeak)).toBeLessThan(
        0.005,
      );
    });

    it('reports the EDA figures analysts know for this file', () => {
      const { eda } = analysis;
      expect(eda.gender.Female).toBe(REFERENCE.eda.female);
      expect(eda.gender.Male).toBe(REFERENCE.eda.male);
      const by = Object.fromEntries(eda.describe.map((d) => [d.feature, d]));
      expect(by.age!.mean).toBeCloseTo(REFERENCE.eda.age.mean!, 2);
      expect(by.age!.std).toBeCloseTo(REFERENCE.eda.age.std!, 2);
      expect(by.age!.skewness).toBeCloseTo(REFERENCE.eda.age.skewness!, 2);
      expect(by.age!.kurtosis).toBeCloseTo(REFERENCE.eda.age.kurtosis!, 2);
      expect(by.income!.q1).toBe(REFERENCE.eda.income.q1);
      expect(by.income!.q3).toBe(REFERENCE.eda.income.q3);
      expect(by.income!.outliers).toBe(REFERENCE.eda.income.outliers);
      expect(eda.correlation.matrix[0]![2]).toBeCloseTo(REFERENCE.eda.correlation['age-spending']!, 3);
    });

    it('passes every assumption check on the classic segmentation', () => {
      expect(analysis.assumptions.map((c) => [c.check, c.status])).toEqual([
        ['scale', 'pass'],
        ['correlation', 'pass'],
        ['outliers', 'pass'],
        ['skewness', 'pass'],
        ['tendency', 'pass'],
        ['sizeBalance', 'pass'],
        ['spreadBalance', 'pass'],
        ['separation', 'pass'],
      ]);
      const tendency = analysis.assumptions.find((c) => c.check === 'tendency')!;
      expect(tendency.details!.hopkins).toBeGreaterThan(0.75);
    });
  },
);
