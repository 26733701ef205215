/**
 * Order-line cells read straight from the file's bytes, for the fast path
 * (fast.ts). Each reader accepts only a plain subset of what the strict
 * readers accept and gives, for that subset, exactly their answer; anything
 * else gives NaN or null, and the caller hands the line to the strict path.
 *
 *   numbers  [+-] digits [. digits]  (decimal comma too in `;`/tab files), at most 15 digits
 *   dates    YYYY-MM-DD[ HH:MM[:SS]] (- or /, T or space) and D/M/YYYY[ H:MM[:SS]] (/ . or -)
 */
import { DATE_SHAPE, type DateParts } from './dates.ts';

const SPACE = 0x20;
const TAB = 0x09;
const PLUS = 0x2b;
const MINUS = 0x2d;
const DOT = 0x2e;
const COMMA = 0x2c;
const SLASH = 0x2f;
const COLON = 0x3a;
const UPPER_T = 0x54;

// 10^k for k ≤ 15: exact doubles, so m / 10^k is the correctly rounded value of the decimal, as Number() is.
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** First byte after leading spaces and tabs (the strict path trims the cell). */
export function trimStart(data: Uint8Array, start: number, end: number): number {
  while (start < end && (data[start] === SPACE || data[start] === TAB)) start++;
  return start;
}

/** One past the last byte before trailing spaces and tabs. */
export function trimEnd(data: Uint8Array, start: number, end: number): number {
  while (end > start && (data[end - 1] === SPACE || data[end - 1] === TAB)) end--;
  return end;
}

/**
 * parseDecimal's answer for a plain decimal cell, or NaN when the cell is
 * anything else (the strict path then decides, and may well agree it is NaN).
 * With at most 15 digits the mantissa and the power of ten are exact, so one
 * division rounds exactly as Number() does.
 */
export function decimalAt(data: Uint8Array, from: number, to: number, decimalComma: boolean): number {
  const start = trimStart(data, from, to);
  const end = trimEnd(data, start, to);
  let i = start;
  let negative = false;
  if (i < end && (data[i] === MINUS || data[i] === PLUS)) {
    negative = data[i] === MINUS;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < end; i++) {
    const b = data[i]!;
    const digit = b - 48;
    if (digit >= 0 && digit <= 9) {
      mantissa = mantissa * 10 + digit;
      digits++;
      if (fraction >= 0) fraction++;
    } else if (fraction < 0 && (b === DOT || (decimalComma && b === COMMA))) fraction = 0;
    else return Number.NaN;
  }
  if (digits === 0 || digits > 15) return Number.NaN;
  const value = fraction > 0 ? mantissa / POW10[fraction]! : mantissa;
  // `+ 0` as parseDecimal: "-0" is 0, not a negative zero.
  return (negative ? -value : value) + 0;
}

/** Reads 1..max digits at `at`; returns the value and sets `end`; −1 when there is no digit or too many. */
class Digits {
  end = 0;
  read(data: Uint8Array, at: number, stop: number, min: number, max: number): number {
    let value = 0;
    let i = at;
    while (i < stop && i - at <= max) {
      const digit = data[i]! - 48;
      if (digit < 0 || digit > 9) break;
      value = value * 10 + digit;
      i++;
    }
    const count = i - at;
    this.end = i;
    return count < min || count > max ? -1 : value;
  }
}
const digits = new Digits();

/** dates.ts's clock(): seconds since midnight, or −1 when out of range. */
function clock(hours: number, minutes: number, seconds: number): number {
  if (hours > 23 || minutes > 59 || seconds > 59) return -1;
  return hours * 3600 + minutes * 60 + seconds;
}

/** ` H:MM[:SS]` (or `THH:MM` after an ISO date) up to `end`; seconds since midnight, −1 out of range, −2 not this shape. */
function timeAt(data: Uint8Array, at: number, end: number, iso: boolean): number {
  if (at === end) return 0;
  const sep = data[at];
  if (!(sep === SPACE || (iso && sep === UPPER_T))) return -2;
  const hours = digits.read(data, at + 1, end, 1, 2);
  if (hours < 0 || digits.end >= end || data[digits.end] !== COLON) return -2;
  const minutes = digits.read(data, digits.end + 1, end, 2, 2);
  if (minutes < 0) return -2;
  let seconds = 0;
  if (digits.end < end) {
    if (data[digits.end] !== COLON) return -2;
    seconds = digits.read(data, digits.end + 1, end, 2, 2);
    if (seconds < 0 || digits.end !== end) return -2;
  }
  return clock(hours, minutes, seconds);
}

/**
 * splitDate()'s parts for a cell in one of the plain forms, written into
 * `out`; false when the cell is in no plain form (the caller then decodes it
 * and asks splitDate, so the regular expressions stay the one definition).
 */
export function datePartsAt(data: Uint8Array, from: number, to: number, out: DateParts): boolean {
  const start = trimStart(data, from, to);
  const end = trimEnd(data, start, to);
  const first = digits.read(data, start, end, 1, 4);
  if (first < 0) return false;
  const firstLength = digits.end - start;
  if (digits.end >= end) return false;
  const sep = data[digits.end];
  if (firstLength === 4) {
    // Year first: 2011-12-09, 2011/12/09 (either separator in either place, as the pattern allows).
    if (sep !== MINUS && sep !== SLASH) return false;
    const month = digits.read(data, digits.end + 1, end, 1, 2);
    if (month < 0 || digits.end >= end) return false;
    const sep2 = data[digits.end];
    if (sep2 !== MINUS && sep2 !== SLASH) return false;
    const day = digits.read(data, digits.end + 1, end, 1, 2);
    if (day < 0) return false;
    const seconds = timeAt(data, digits.end, end, true);
    if (seconds === -2) return false;
    out.shape = seconds < 0 ? DATE_SHAPE.invalid : DATE_SHAPE.iso;
    out.a = month;
    out.b = day;
    out.year = first;
    out.seconds = seconds;
    return true;
  }
  if (firstLength > 2 || (sep !== SLASH && sep !== DOT && sep !== MINUS)) return false;
  const second = digits.read(data, digits.end + 1, end, 1, 2);
  if (second < 0 || digits.end >= end || data[digits.end] !== sep) return false;
  const yearAt = digits.end + 1;
  const year = digits.read(data, yearAt, end, 2, 4);
  const yearLength = digits.end - yearAt;
  if (year < 0 || yearLength === 3) return false;
  const seconds = timeAt(data, digits.end, end, false);
  if (seconds === -2) return false;
  out.shape = seconds < 0 ? DATE_SHAPE.invalid : sep === DOT ? DATE_SHAPE.dotted : DATE_SHAPE.slashed;
  out.a = first;
  out.b = second;
  out.year = yearLength === 2 ? 2000 + year : year;
  out.seconds = seconds;
  return true;
}
