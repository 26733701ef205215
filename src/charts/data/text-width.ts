/**
 * DejaVu Sans advance widths for the characters our charts print, so the
 * pure builders can wrap subtitles and place labels in real pixels without
 * reading font files. Units are 1/2048 em, copied from the TrueType hmtx
 * table of node_modules/dejavu-fonts-ttf (test/charts/text-width.test.ts
 * checks every entry against the font). Anything else counts as 0.6 em.
 */
const CHARS =
  ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~·–—−×…≈≤≥°é€£';

const REGULAR = [
  651, 821, 942, 1716, 1303, 1946, 1597, 563, 799, 799, 1024, 1716, 651, 739, 651, 690, 1303, 1303, 1303,
  1303, 1303, 1303, 1303, 1303, 1303, 1303, 690, 690, 1716, 1716, 1716, 1087, 2048, 1401, 1405, 1430, 1577,
  1294, 1178, 1587, 1540, 604, 604, 1343, 1141, 1767, 1532, 1612, 1235, 1612, 1423, 1300, 1251, 1499, 1401,
  2025, 1403, 1251, 1403, 799, 690, 799, 1716, 1024, 1024, 1255, 1300, 1126, 1300, 1260, 721, 1300, 1298, 569,
  569, 1186, 569, 1995, 1298, 1253, 1300, 1300, 842, 1067, 803, 1298, 1212, 1675, 1212, 1212, 1075, 1303, 690,
  1303, 1716, 651, 1024, 2048, 1716, 1716, 2048, 1716, 1716, 1716, 1024, 1260, 1303, 1303,
];

const BOLD = [
  713, 934, 1067, 1716, 1425, 2052, 1786, 627, 936, 936, 1071, 1716, 778, 850, 778, 748, 1425, 1425, 1425,
  1425, 1425, 1425, 1425, 1425, 1425, 1425, 819, 819, 1716, 1716, 1716, 1188, 2048, 1585, 1561, 1503, 1700,
  1399, 1399, 1681, 1714, 762, 762, 1587, 1305, 2038, 1714, 1741, 1501, 1741, 1577, 1475, 1397, 1663, 1585,
  2259, 1579, 1483, 1485, 936, 748, 936, 1716, 1024, 1024, 1382, 1466, 1214, 1466, 1389, 891, 1466, 1458, 702,
  702, 1362, 702, 2134, 1458, 1407, 1466, 1466, 1010, 1219, 979, 1458, 1335, 1892, 1321, 1335, 1192, 1458,
  748, 1458, 1716, 778, 1024, 2048, 1716, 1716, 2048, 1716, 1716, 1716, 1024, 1389, 1425, 1425,
];

const table = (widths: number[]) => new Map([...CHARS].map((c, i) => [c, widths[i]!]));
const WIDTHS = { regular: table(REGULAR), bold: table(BOLD) };
const UNKNOWN = 0.6 * 2048;

/** The characters and widths above, for the test that checks them against the font. */
export const TABLE = { chars: CHARS, regular: REGULAR, bold: BOLD };

/** Width in px of `text` in DejaVu Sans at `size` px. */
export function textWidth(text: string, size: number, bold = false): number {
  const w = bold ? WIDTHS.bold : WIDTHS.regular;
  let units = 0;
  for (const c of text) units += w.get(c) ?? UNKNOWN;
  return (units / 2048) * size;
}
