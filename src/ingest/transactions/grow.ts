/**
 * Strings to dense indices, in order of first appearance. Order lines repeat
 * the same invoice, date and customer on consecutive lines, so the last value
 * is remembered and skips the map lookup. The fast path can also append a
 * value it knows is new (plain bytes it has not seen, while every value so
 * far was plain too); the map is then built only when some other value has
 * to be looked up, so a file of plain invoice numbers never hashes them twice.
 */
export class Interner {
  private index: Map<string, number> | null = new Map();
  readonly values: string[] = [];
  private last = '';
  private lastId = -1;
  /** True while every value came through `appendNew`: the only values of this form, so new bytes are a new value. */
  onlyAppended = true;

  id(value: string): number {
    if (value === this.last && this.lastId >= 0) return this.lastId;
    this.onlyAppended = false;
    if (this.index === null) this.index = new Map(this.values.map((v, i) => [v, i]));
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.index.set(value, i);
      this.values.push(value);
    }
    this.last = value;
    this.lastId = i;
    return i;
  }

  /** A value not interned before (the caller's promise, checked by `onlyAppended`); its id. */
  appendNew(value: string): number {
    this.index = null;
    this.values.push(value);
    return this.values.length - 1;
  }
}

/**
 * The order-line columns while reading: typed arrays that grow together by
 * doubling (a million lines without a million-element JS array each). A
 * date's shape, two numbers and year are packed into one 32-bit word
 * (2 + 8 + 8 + 14 bits; splitDate's numbers have at most 2 digits and years 4).
 */
export class LineColumns {
  length = 0;
  private capacity = 4096;
  invoice = new Int32Array(this.capacity);
  customer = new Int32Array(this.capacity);
  product = new Int32Array(this.capacity);
  country = new Int32Array(this.capacity);
  quantity = new Float64Array(this.capacity);
  unitPrice = new Float64Array(this.capacity);
  amount = new Float64Array(this.capacity);
  line = new Uint32Array(this.capacity);
  date = new Uint32Array(this.capacity);
  seconds = new Int32Array(this.capacity);

  add(
    invoice: number,
    customer: number,
    product: number,
    country: number,
    quantity: number,
    unitPrice: number,
    amount: number,
    line: number,
    date: number,
    seconds: number,
  ): void {
    if (this.length === this.capacity) this.grow();
    const i = this.length++;
    this.invoice[i] = invoice;
    this.customer[i] = customer;
    this.product[i] = product;
    this.country[i] = country;
    this.quantity[i] = quantity;
    this.unitPrice[i] = unitPrice;
    this.amount[i] = amount;
    this.line[i] = line;
    this.date[i] = date;
    this.seconds[i] = seconds;
  }

  private grow(): void {
    this.capacity *= 2;
    const more = <T extends Int32Array | Uint32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(this.capacity);
      b.set(a);
      return b;
    };
    const i32 = (n: number) => new Int32Array(n);
    const f64 = (n: number) => new Float64Array(n);
    const u32 = (n: number) => new Uint32Array(n);
    this.invoice = more(this.invoice, i32);
    this.customer = more(this.customer, i32);
    this.product = more(this.product, i32);
    this.country = more(this.country, i32);
    this.quantity = more(this.quantity, f64);
    this.unitPrice = more(this.unitPrice, f64);
    this.amount = more(this.amount, f64);
    this.line = more(this.line, u32);
    this.date = more(this.date, u32);
    this.seconds = more(this.seconds, i32);
  }
}

export const packDate = (shape: number, a: number, b: number, year: number) =>
  (shape | (a << 2) | (b << 10) | (year << 18)) >>> 0;
