/**
 * Facts about where a table came from that decide what can be shown: a file
 * without a Gender column has no gender charts or columns, one without ids
 * uses row numbers.
 */
import type { SourceInfo } from './types.ts';

export const hasGenderColumn = (source: Pick<SourceInfo, 'absentColumns'>): boolean =>
  !(source.absentColumns ?? []).includes('gender');

export const hasIdColumn = (source: Pick<SourceInfo, 'absentColumns'>): boolean =>
  !(source.absentColumns ?? []).includes('id');
