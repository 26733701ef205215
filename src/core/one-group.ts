/**
 * What one segment of everyone is called when the structure test finds no
 * groups (core/structure.ts 'none'): the customer path (core/analyze.ts) and
 * the RFM path (core/rfm/analyze.ts) say the same thing.
 */
export const ONE_GROUP_WORDS = {
  name: 'All customers',
  hint: 'One continuous group: no part of it is distinct enough to target on its own, so any split would be an arbitrary cut.',
} as const;
