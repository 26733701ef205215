/**
 * The fast path's byte readers give the strict readers' answer for every cell
 * they accept (and refuse the rest, which the strict path then reads).
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/random.ts';
import { parseDecimal } from '../../../src/ingest/rules.ts';
import { datePartsAt, decimalAt } from '../../../src/ingest/transactions/bytes.ts';
import { DATE_SHAPE, type DateParts, splitDate } from '../../../src/ingest/transactions/dates.ts';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('numbers from bytes', () => {
  it('read every plain decimal bit for bit as parseDecimal does, and refuse what is not plain', () => {
    const rng = createRng(7);
    const cells = [
      '0',
      '-0',
      '+0',
      '6',
      '-6',
      '+6',
      '.5',
      '5.',
      '0006',
      ' 6 ',
      '\t6',
      '1e3',
      '',
      '.',
      '-',
      '1.2.3',
    ];
    cells.push('12345678901234', '123456789012345', '1234567890123456', '0.1', '0.30000000000000004');
    for (let i = 0; i < 3000; i++) {
      const digits = 1 + Math.floor(rng() * 15);
      const text = String(Math.floor(rng() * 10 ** digits));
      const at = Math.floor(rng() * (text.length + 1));
      cells.push(`${rng() < 0.3 ? '-' : ''}${text.slice(0, at)}.${text.slice(at)}`, text);
    }
    for (const decimalComma of [false, true]) {
      for (const cell of [...cells, ...cells.map((c) => c.replace('.', ','))]) {
        const fast = decimalAt(bytes(cell), 0, Buffer.byteLength(cell), decimalComma);
        if (Number.isNaN(fast)) continue; // left to the strict path
        expect(Object.is(fast, parseDecimal(cell.trim(), decimalComma)), `${cell} (${decimalComma})`).toBe(
          true,
        );
      }
    }
    expect(decimalAt(bytes('1234567890123456'), 0, 16, false)).toBeNaN();
    expect(decimalAt(bytes('1e3'), 0, 3, false)).toBeNaN();
  });
});

describe('dates from bytes', () => {
  it('split every plain date as splitDate does, and leave the other forms to it', () => {
    const rng = createRng(9);
    const cells = [
      '2011-12-09',
      '2011/12/09 7:05',
      '2011-12-09T12:50',
      '2011-12-09 12:50:59',
      '2011-12-09 12:50:60',
    ];
    cells.push(
      '12/9/2011 8:26',
      '12/9/11 8:26',
      '09.12.2011 08:26',
      '9-12-2011',
      '12/9/201 8:26',
      '2011-12-09t12:50',
    );
    cells.push(
      '2011-12-09 24:00',
      '12/9/2011 8:26 PM',
      '12/9/2011  8:26',
      '2011-12-09 12:50Z',
      '',
      'yesterday',
    );
    for (let i = 0; i < 3000; i++) {
      const n = (max: number) => String(Math.floor(rng() * max));
      const sep = '/.-'[Math.floor(rng() * 3)]!;
      const time = rng() < 0.5 ? '' : ` ${n(30)}:${n(70).padStart(2, '0')}${rng() < 0.3 ? `:${n(70)}` : ''}`;
      cells.push(
        rng() < 0.5
          ? `${1900 + Math.floor(rng() * 300)}-${n(15)}-${n(35)}${time.replace(' ', rng() < 0.5 ? 'T' : ' ')}`
          : `${n(40)}${sep}${n(40)}${sep}${rng() < 0.5 ? n(100) : 1900 + Math.floor(rng() * 300)}${time}`,
      );
    }
    let plain = 0;
    for (const cell of cells) {
      const out: DateParts = { shape: DATE_SHAPE.invalid, a: 0, b: 0, year: 0, seconds: 0 };
      if (!datePartsAt(bytes(cell), 0, Buffer.byteLength(cell), out)) continue;
      plain++;
      expect(out, cell).toEqual(splitDate(cell));
    }
    expect(plain).toBeGreaterThan(1500);
  });
});
