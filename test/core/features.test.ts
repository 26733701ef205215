import { describe, expect, it } from 'vitest';
import {
  describeColumn,
  FEATURE_CATALOGUE,
  featureForWord,
  headerName,
  headerNamesAnId,
  headerTitle,
  K_LIMITS,
  titleWithUnit,
  withinBounds,
} from '../../src/core/features.ts';
import { FEATURES } from '../../src/core/types.ts';

describe('the feature catalogue', () => {
  it('describes every clustering feature, keyed by its canonical name', () => {
    expect(Object.keys(FEATURE_CATALOGUE).sort()).toEqual([...FEATURES].sort());
    for (const feature of FEATURES) expect(FEATURE_CATALOGUE[feature].name).toBe(feature);
  });

  it('gives titles with units and the Mall file headers', () => {
    expect(titleWithUnit(FEATURE_CATALOGUE.income)).toBe('Annual income (k$)');
    expect(titleWithUnit(FEATURE_CATALOGUE.spending)).toBe('Spending score (1–100)');
    expect(FEATURE_CATALOGUE.spending.header).toBe('Spending Score (1-100)');
  });

  it('reads the words people type for a feature', () => {
    expect(featureForWord('Spend')).toBe('spending');
    expect(featureForWord('salary')).toBe('income');
    expect(featureForWord('income')).toBe('income');
    expect(featureForWord('height')).toBeUndefined();
  });

  it('holds one set of plausible bounds per feature', () => {
    expect(withinBounds(FEATURE_CATALOGUE.age.bounds, 120)).toBe(true);
    expect(withinBounds(FEATURE_CATALOGUE.age.bounds, 500)).toBe(false);
    expect(withinBounds(FEATURE_CATALOGUE.age.bounds, 30.5)).toBe(false);
    expect(withinBounds(FEATURE_CATALOGUE.spending.bounds, 0)).toBe(false);
    expect(withinBounds(FEATURE_CATALOGUE.income.bounds, 10_001)).toBe(false);
    expect(withinBounds(FEATURE_CATALOGUE.income.bounds, Number.NaN)).toBe(false);
  });

  it('describes a discovered column with the same shape', () => {
    const spec = describeColumn('Visits per month', { bounds: { min: 0 } });
    expect(spec).toMatchObject({ name: 'visits_per_month', title: 'Visits per month', unit: '' });
    expect(withinBounds(spec.bounds, 1e6)).toBe(true);
    expect(withinBounds(spec.bounds, -1)).toBe(false);
    expect(Object.keys(spec).sort()).toEqual(Object.keys(FEATURE_CATALOGUE.age).sort());
  });

  it("reads a title and a unit from an extra column's header", () => {
    expect(headerTitle('Tenure (months)')).toEqual({ title: 'Tenure', unit: 'months' });
    expect(headerTitle('Basket size [€]')).toEqual({ title: 'Basket size', unit: '€' });
    expect(headerTitle('LoyaltyTier')).toEqual({ title: 'Loyalty tier', unit: '' });
    expect(headerTitle('online_share')).toEqual({ title: 'Online share', unit: '' });
    expect(headerTitle('Online NPS')).toEqual({ title: 'Online NPS', unit: '' });
    expect(headerName('Tenure (months)')).toBe('tenure');
    expect(headerName('Durée (mois)')).toBe('duree');
  });

  it('names a column with letters outside ASCII by how they are spelled without them', () => {
    expect(headerName('Größe')).toBe('groesse');
    expect(headerName('Kundenzufriedenheit (Ø)')).toBe('kundenzufriedenheit');
    expect(headerName('Übernachtungen')).toBe('uebernachtungen');
    expect(headerName('Einkäufe pro Jahr')).toBe('einkaeufe_pro_jahr');
    expect(headerName('Âge du compte')).toBe('age_du_compte');
    expect(headerName('Søknader')).toBe('soknader');
  });

  it('tells a header that names ids or codes', () => {
    expect(
      ['CustomerID', 'Email', 'e-mail', 'Phone number', 'Zip code', 'account_id'].map(headerNamesAnId),
    ).toEqual(Array(6).fill(true));
    expect(['Visits', 'Paid', 'Idle days', 'Number of visits'].map(headerNamesAnId)).toEqual(
      Array(4).fill(false),
    );
  });

  it('states one k range', () => {
    expect(K_LIMITS).toEqual({ min: 2, max: 15 });
  });
});
