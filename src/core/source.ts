/**
 * Facts about where a table came from that decide what can be shown: a file
 * without a Gender column has no gender charts or columns, one without ids
 * uses row numbers, one without an Age column has no ages (its table holds
 * NaN there) and so no age feature, age profile or age chart.
 */
import { type InputError, inputProblem } from './errors.ts';
import { FEATURES, type Feature, type SourceInfo } from './types.ts';

type Absent = Pick<SourceInfo, 'absentColumns'>;

export const hasGenderColumn = (source: Absent): boolean => !(source.absentColumns ?? []).includes('gender');

export const hasIdColumn = (source: Absent): boolean => !(source.absentColumns ?? []).includes('id');

export const hasAgeColumn = (source: Absent): boolean => !(source.absentColumns ?? []).includes('age');

/** The catalogue features the file has columns for, in canonical order. */
export const featuresInSource = (source: Absent): Feature[] =>
  FEATURES.filter((f) => f !== 'age' || hasAgeColumn(source));

/** Features asked for that the file has no column for (empty when all are there). */
export const featuresMissingFrom = (source: Absent, features: readonly Feature[]): Feature[] => {
  const present = featuresInSource(source);
  return features.filter((f) => !present.includes(f));
};

/**
 * Asked to cluster on a feature the file has no column for (age, for a CRM
 * export without ages): the file's ages are NaN, so this is refused, naming
 * the column and the features that can be used (phrases/errors.ts words it;
 * each transport says how to change the features).
 */
export function featureNotInFile(missing: readonly Feature[], source: SourceInfo): InputError {
  return inputProblem(
    { kind: 'feature_not_in_file', missing: [...missing], usable: featuresInSource(source) },
    { file: source.fileName },
  );
}
