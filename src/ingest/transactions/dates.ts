/**
 * Order dates as the files write them, and which form a file uses.
 *
 *   ISO        2009-12-01 07:45:00, 2009-12-01T07:45, 2009/12/01   (year first: never ambiguous)
 *   slashed    12/1/2010 8:26 (US, month first) or 01/12/2010 08:26 (day first)
 *   dotted     01.12.2010 08:26                                      (always day first)
 *
 * A slashed date alone cannot say whether it is US or day-first; the file can:
 * a first number above 12 means day-first, a second number above 12 means US.
 * `DateEvidence` collects that while reading, and `resolveDateForm` decides
 * once at the end, refusing a file whose slashed dates never tell (every day
 * ≤ 12) or tell both ways.
 */

export const DATE_SHAPE = { invalid: 0, iso: 1, slashed: 2, dotted: 3 } as const;

/** One date cell split into numbers; which of a/b is the month is decided per file. */
export interface DateParts {
  shape: (typeof DATE_SHAPE)[keyof typeof DATE_SHAPE];
  /** ISO: month; slashed: the first number; dotted: the day. */
  a: number;
  /** ISO: day; slashed: the second number; dotted: the month. */
  b: number;
  year: number;
  /** Seconds since midnight. */
  seconds: number;
}

const ISO =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?$/i;
const SLASHED =
  /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;

function clock(h: string | undefined, m: string | undefined, s: string | undefined, half?: string): number {
  let hours = Number(h ?? 0);
  const minutes = Number(m ?? 0);
  const secs = Number(s ?? 0);
  if (half) {
    const pm = half.toLowerCase() === 'pm';
    if (hours < 1 || hours > 12) return -1;
    hours = (hours % 12) + (pm ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || secs > 59) return -1;
  return hours * 3600 + minutes * 60 + secs;
}

export function splitDate(text: string): DateParts {
  const iso = ISO.exec(text);
  if (iso) {
    const seconds = clock(iso[4], iso[5], iso[6]);
    const shape = seconds < 0 ? DATE_SHAPE.invalid : DATE_SHAPE.iso;
    return { shape, a: Number(iso[2]), b: Number(iso[3]), year: Number(iso[1]), seconds };
  }
  const s = SLASHED.exec(text);
  if (s) {
    const seconds = clock(s[5], s[6], s[7], s[8]);
    const year = s[4]!.length === 2 ? 2000 + Number(s[4]) : Number(s[4]);
    const shape = seconds < 0 ? DATE_SHAPE.invalid : s[2] === '.' ? DATE_SHAPE.dotted : DATE_SHAPE.slashed;
    return { shape, a: Number(s[1]), b: Number(s[3]), year, seconds };
  }
  return { shape: DATE_SHAPE.invalid, a: 0, b: 0, year: 0, seconds: 0 };
}

export type DateForm = 'iso' | 'us' | 'day-first';

/** What the slashed dates of a file have shown so far (first line where each fact appeared). */
export interface DateEvidence {
  iso: number;
  slashed: number;
  dotted: number;
  firstSlashedLine: number;
  firstSlashedText: string;
  /** First line whose first number is above 12 (so the day comes first). */
  dayFirstLine: number;
  dayFirstText: string;
  /** First line whose second number is above 12 (so the month comes first). */
  monthFirstLine: number;
  monthFirstText: string;
}

export function newDateEvidence(): DateEvidence {
  return {
    iso: 0,
    slashed: 0,
    dotted: 0,
    firstSlashedLine: 0,
    firstSlashedText: '',
    dayFirstLine: 0,
    dayFirstText: '',
    monthFirstLine: 0,
    monthFirstText: '',
  };
}

/** Whether noteDate would keep this line's text (the first slashed date, or the first to show its form). */
export function dateTextNeeded(e: DateEvidence, parts: DateParts): boolean {
  if (parts.shape !== DATE_SHAPE.slashed) return false;
  return (
    e.slashed === 0 || (parts.a > 12 && e.dayFirstLine === 0) || (parts.b > 12 && e.monthFirstLine === 0)
  );
}

export function noteDate(e: DateEvidence, parts: DateParts, line: number, text: string): void {
  if (parts.shape === DATE_SHAPE.iso) e.iso++;
  else if (parts.shape === DATE_SHAPE.dotted) e.dotted++;
  else if (parts.shape === DATE_SHAPE.slashed) {
    if (e.slashed++ === 0) {
      e.firstSlashedLine = line;
      e.firstSlashedText = text;
    }
    if (parts.a > 12 && e.dayFirstLine === 0) {
      e.dayFirstLine = line;
      e.dayFirstText = text;
    }
    if (parts.b > 12 && e.monthFirstLine === 0) {
      e.monthFirstLine = line;
      e.monthFirstText = text;
    }
  }
}

/** The file's date forms, or why they cannot be told: codes and the lines that show it. */
export type DateFormResult =
  | { ok: true; forms: DateForm[]; slashedMonthFirst: boolean }
  | { ok: false; code: 'ambiguous_dates'; line: number; text: string }
  | { ok: false; code: 'mixed_date_forms'; line: number; text: string; otherLine: number; otherText: string };

export function resolveDateForm(e: DateEvidence): DateFormResult {
  const forms: DateForm[] = [];
  if (e.iso > 0) forms.push('iso');
  let slashedMonthFirst = false;
  if (e.slashed > 0) {
    if (e.dayFirstLine && e.monthFirstLine) {
      const dayFirstLater = e.dayFirstLine > e.monthFirstLine;
      return {
        ok: false,
        code: 'mixed_date_forms',
        line: dayFirstLater ? e.dayFirstLine : e.monthFirstLine,
        text: dayFirstLater ? e.dayFirstText : e.monthFirstText,
        otherLine: dayFirstLater ? e.monthFirstLine : e.dayFirstLine,
        otherText: dayFirstLater ? e.monthFirstText : e.dayFirstText,
      };
    }
    if (!e.dayFirstLine && !e.monthFirstLine) {
      return { ok: false, code: 'ambiguous_dates', line: e.firstSlashedLine, text: e.firstSlashedText };
    }
    slashedMonthFirst = e.monthFirstLine > 0;
    forms.push(slashedMonthFirst ? 'us' : 'day-first');
  }
  if (e.dotted > 0 && !forms.includes('day-first')) forms.push('day-first');
  return { ok: true, forms, slashedMonthFirst };
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days from 1970-01-01 to a proleptic Gregorian date (Hinnant's days_from_civil; exact, no Date object). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Minutes since 1970-01-01 00:00 (clock time, no zone), or NaN for an impossible date. */
export function dateMinutes(parts: DateParts, slashedMonthFirst: boolean): number {
  let month: number;
  let day: number;
  if (parts.shape === DATE_SHAPE.iso || (parts.shape === DATE_SHAPE.slashed && slashedMonthFirst)) {
    month = parts.a;
    day = parts.b;
  } else if (parts.shape === DATE_SHAPE.invalid) return Number.NaN;
  else {
    day = parts.a;
    month = parts.b;
  }
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return Number.NaN;
  if (parts.year < 1970 || parts.year > 2100) return Number.NaN;
  if (month === 2 && day === 29 && !isLeap(parts.year)) return Number.NaN; // 29 February outside a leap year
  return daysFromCivil(parts.year, month, day) * 1440 + Math.floor(parts.seconds / 60);
}
