/**
 * A customer CSV with the extra columns a CRM export carries, derived from
 * each row so the result is deterministic: two breakdowns (Region, and
 * LoyaltyTier, which is Gold mostly among high earners who spend a lot), two
 * candidate features (Visits, Tenure (months)), and three columns to ignore
 * (Email: an id; Notes: mostly empty; Store: too many levels).
 */
export const EXTRA_HEADER = 'Region,LoyaltyTier,Visits,Tenure (months),Email,Notes,Store';

export function withExtraColumns(csv: string): string {
  const [header, ...rows] = csv.trim().split(/\r?\n/);
  const out = rows.map((row, i) => {
    const [, , , income, spending] = row.split(',').map(Number);
    const tier =
      income! > 70 && spending! > 60 ? (i % 5 === 0 ? 'Silver' : 'Gold') : i % 3 === 0 ? 'Silver' : 'Bronze';
    const region = ['North', 'South', 'East', 'West'][i % 4];
    const visits = Math.round(spending! / 2) % 53;
    const tenure = 1 + ((i * 7) % 120);
    const notes = i % 5 === 0 ? 'called back' : '';
    const store = `Store ${(i * 37) % 60}`;
    return `${row},${region},${tier},${visits},${tenure},c${i + 1}@example.com,${notes},${store}`;
  });
  return `${header},${EXTRA_HEADER}\n${out.join('\n')}\n`;
}
