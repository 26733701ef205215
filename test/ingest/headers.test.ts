import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.ts';
import { mapHeader, normaliseHeader } from '../../src/ingest/headers.ts';

describe('normaliseHeader', () => {
  it.each([
    ['Annual Income (k$)', 'annualincomek'],
    ['annual_income', 'annualincome'],
    ['Spending Score (1-100)', 'spendingscore1100'],
    ['  Customer ID ', 'customerid'],
    ['Âge', 'age'],
  ])('%j → %j', (name, normal) => {
    expect(normaliseHeader(name)).toBe(normal);
  });
});

describe('mapHeader', () => {
  it('finds each field by position and keeps the names as written', () => {
    const map = mapHeader(['Genre', 'AGE', 'customer_id', 'Score', 'Income', 'Notes', ''], 'c.csv', 1);
    expect(map.index).toEqual({ id: 2, gender: 0, age: 1, income: 4, spending: 3 });
    expect(map.written).toEqual({
      id: 'customer_id',
      gender: 'Genre',
      age: 'AGE',
      income: 'Income',
      spending: 'Score',
    });
    expect(map.extraColumns).toEqual(['Notes']);
    expect(map.columnsFound).toEqual(['Genre', 'AGE', 'customer_id', 'Score', 'Income', 'Notes', '']);
    expect(map.width).toBe(7);
  });

  it('prefers the more specific name when two columns fit one field', () => {
    const map = mapHeader(
      ['id', 'Customer ID', 'Gender', 'Age', 'income', 'Annual Income (k$)', 'Score'],
      'c.csv',
      1,
    );
    expect(map.index.id).toBe(1);
    expect(map.index.income).toBe(5);
    expect(map.extraColumns).toEqual(['id', 'income']);
  });

  it('says which column is missing, what was found and which names are accepted', () => {
    const error = (() => {
      try {
        mapHeader(['CustomerID', 'Gender', 'Age', 'Annual Income (k$)'], 'c.csv', 3);
      } catch (e) {
        return e as InputError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InputError);
    expect(error?.code).toBe('missing_column');
    expect(error?.message).toBe(
      'missing the column "Spending Score (1-100)"; found: CustomerID, Gender, Age, Annual Income (k$)',
    );
    expect(error?.where).toEqual({ file: 'c.csv', line: 3 });
    expect(error?.details).toEqual([
      '"Spending Score (1-100)" is required (also accepted: spending_score, score, spending, Score de dépenses (1-100), Score de dépenses, Score dépenses)',
    ]);
  });
});
