/** The extra columns in words: the one sentence for "no segment differs", said alike in Slack and the file report. */
import { describe, expect, it } from 'vitest';
import { breakdownSections } from '../../src/commands/handlers/summary.ts';
import type { Analysis, Breakdown, ExtraColumnRole } from '../../src/core/types.ts';
import {
  candidateWords,
  columnNoun,
  extraColumnLines,
  noDifferenceWords,
} from '../../src/phrases/columns.ts';
import { breakdownBlocks } from '../../src/report/summary.ts';

const breakdown = (column: string): Breakdown => ({
  column,
  levels: [{ value: 'A', share: 1, count: 10 }],
  stated: 10,
  bySegment: [{ id: 1, stated: 10, shares: { A: 1 } }],
  test: { statistic: 0, df: 0, p: 1 },
  differences: [],
});

describe('breakdowns where no segment differs', () => {
  const breakdowns = [breakdown('Region'), breakdown('LoyaltyTier'), breakdown('Store type')];
  const analysis = { breakdowns, segments: [{ id: 1, name: 'All customers' }] } as unknown as Analysis;
  const sentence =
    'No segment stands out on region, loyalty tier and store type: each mirrors all customers.';

  it('lists the columns as a list in words', () => {
    expect(noDifferenceWords(breakdowns)).toBe(sentence);
    expect(noDifferenceWords([breakdown('Region')])).toBe(
      'No segment stands out on region: each mirrors all customers.',
    );
  });

  it('is the same sentence in the Slack summary and the file report', () => {
    expect(breakdownSections(analysis)[0]!.body).toBe(sentence);
    expect(breakdownBlocks(analysis)[1]).toEqual({ kind: 'para', text: sentence });
  });
});

describe('a column inside a sentence', () => {
  it('is lower-cased but keeps its acronyms, as its title does', () => {
    expect(columnNoun('LoyaltyTier')).toBe('loyalty tier');
    expect(columnNoun('Online NPS')).toBe('online NPS');
    expect(columnNoun('NPS score')).toBe('NPS score');
    expect(
      candidateWords({
        column: 'Online NPS',
        role: 'candidate',
        name: 'online_nps',
        title: 'Online NPS',
        unit: '',
        min: 0,
        max: 10,
        empty: 0,
      }),
    ).toBe('online NPS (0–10)');
  });

  it('gives the name to type when it is not the title in snake case', () => {
    const role = {
      column: 'Größe (cm)',
      role: 'candidate' as const,
      unit: 'cm',
      min: 150,
      max: 200,
      empty: 0,
    };
    expect(candidateWords({ ...role, name: 'groesse', title: 'Größe' })).toBe(
      'größe, typed groesse (150–200 cm)',
    );
    expect(candidateWords({ ...role, name: 'score_2', title: 'Score', unit: '' })).toBe(
      'score, typed score_2 (150–200)',
    );
    expect(candidateWords({ ...role, name: 'visits_2', title: 'Visits 2', unit: '' })).toBe(
      'visits 2 (150–200)',
    );
  });
});

describe('repeated column names', () => {
  it('says which header repeats and what each later column is called, with the name to type', () => {
    const extraRoles: ExtraColumnRole[] = [
      { column: 'Region', role: 'breakdown', levels: 2 },
      { column: 'Region 2', role: 'breakdown', levels: 3, renamedFrom: 'Region' },
      { column: 'Region 3', role: 'ignored', reason: 'constant', renamedFrom: 'Region' },
      {
        column: 'Visits 2',
        role: 'candidate',
        name: 'visits_2',
        title: 'Visits 2',
        unit: '',
        min: 0,
        max: 9,
        empty: 0,
        renamedFrom: 'Visits',
      },
    ];
    const lines = extraColumnLines({ extraRoles });
    expect(lines.slice(-2)).toEqual([
      '"Region" heads more than one column: the later ones are read as Region 2 and Region 3.',
      '"Visits" heads more than one column: the later one is read as Visits 2 (visits_2).',
    ]);
  });
});
