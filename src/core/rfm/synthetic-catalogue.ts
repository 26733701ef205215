/**
 * The fixed world the synthetic order lines are drawn from: planted customer
 * groups with known RFM behaviour, countries with a UK-heavy long tail (as in
 * the UCI Online Retail files) and a product catalogue. Data, not logic.
 */

/** A planted group: ranges are [low, high], drawn uniformly (log-uniformly for spend). */
export interface PlantedGroup {
  id: string;
  /** Share of identified customers. */
  weight: number;
  /** Days from the last purchase to the day after the file's last invoice. */
  recencyDays: [number, number];
  invoices: [number, number];
  /** Days between the first and the last purchase (0 for a single purchase). */
  spanDays: [number, number];
  /** Value of one invoice in pounds. */
  basket: [number, number];
}

export const PLANTED_GROUPS: readonly PlantedGroup[] = [
  // Loyal big spenders: bought days ago, dozens of times, large baskets.
  {
    id: 'loyal-big-spenders',
    weight: 0.12,
    recencyDays: [1, 12],
    invoices: [18, 40],
    spanDays: [330, 700],
    basket: [300, 700],
  },
  // Regulars: a purchase every month or two.
  {
    id: 'regulars',
    weight: 0.24,
    recencyDays: [22, 70],
    invoices: [4, 9],
    spanDays: [180, 600],
    basket: [150, 320],
  },
  // Lapsed regulars: bought often, then stopped about a year ago.
  {
    id: 'lapsed-regulars',
    weight: 0.18,
    recencyDays: [260, 460],
    invoices: [6, 14],
    spanDays: [120, 260],
    basket: [150, 320],
  },
  // New customers: first purchase in the last few weeks.
  {
    id: 'new-customers',
    weight: 0.16,
    recencyDays: [1, 21],
    invoices: [1, 1],
    spanDays: [0, 0],
    basket: [60, 180],
  },
  // One-off buyers: one small order, long ago.
  {
    id: 'one-off-buyers',
    weight: 0.3,
    recencyDays: [180, 700],
    invoices: [1, 1],
    spanDays: [0, 0],
    basket: [25, 90],
  },
];

/** Countries and their relative weights: the United Kingdom ~90 %, then a long tail of a few customers each. */
export const COUNTRIES: ReadonlyArray<readonly [string, number]> = [
  ['United Kingdom', 900],
  ['Germany', 22],
  ['France', 20],
  ['Spain', 8],
  ['Belgium', 6],
  ['Switzerland', 5],
  ['Portugal', 5],
  ['EIRE', 4],
  ['Italy', 4],
  ['Finland', 3],
  ['Austria', 3],
  ['Norway', 3],
  ['Netherlands', 3],
  ['Australia', 2],
  ['Denmark', 2],
  ['Channel Islands', 2],
  ['Cyprus', 2],
  ['Sweden', 2],
  ['Japan', 2],
  ['Poland', 2],
  ['USA', 1.5],
  ['Canada', 1],
  ['Israel', 1],
  ['Greece', 1],
  ['Unspecified', 1],
  ['Iceland', 0.5],
  ['Malta', 0.5],
  ['United Arab Emirates', 0.5],
  ['Singapore', 0.5],
  ['Lithuania', 0.4],
  ['Czech Republic', 0.4],
  ['Lebanon', 0.3],
  ['RSA', 0.3],
  ['Brazil', 0.3],
  ['Bahrain', 0.3],
  ['Saudi Arabia', 0.3],
  ['European Community', 0.3],
];

const ADJECTIVES = [
  'WHITE',
  'RED',
  'PINK',
  'BLUE',
  'VINTAGE',
  'REGENCY',
  'JUMBO',
  'SET OF 3',
  'PAPER',
  'GLASS',
];
const THINGS = [
  'HANGING HEART T-LIGHT HOLDER',
  'LUNCH BAG',
  'CAKE CASES',
  'TEA CUP AND SAUCER',
  'BUNTING',
  'DOORMAT',
  'STORAGE JAR',
  'ALARM CLOCK',
  'CANDLE',
  'SHOPPER BAG',
  'CAKE TINS, PANTRY DESIGN',
  'JAM MAKING SET',
];

export interface Product {
  code: string;
  description: string;
  price: number;
}

/** 120 products with Online Retail-like codes, descriptions (some with commas) and prices. */
export function productCatalogue(rng: () => number): Product[] {
  const products: Product[] = [];
  for (let i = 0; i < 120; i++) {
    const adjective = ADJECTIVES[i % ADJECTIVES.length]!;
    const thing = THINGS[Math.floor(i / ADJECTIVES.length) % THINGS.length]!;
    const suffix = i % 7 === 0 ? String.fromCharCode(65 + (i % 4)) : '';
    const price = Math.round((0.4 + rng() ** 2 * 12) * 100) / 100;
    products.push({ code: `${21000 + i * 37}${suffix}`, description: `${adjective} ${thing}`, price });
  }
  return products;
}
