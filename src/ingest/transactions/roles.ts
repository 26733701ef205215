/**
 * Which column of an order-line file plays which role. Recognises the UCI
 * Online Retail layouts (I: InvoiceNo … UnitPrice, CustomerID; II: Invoice …
 * Price, Customer ID) and typical shop exports (order id, customer id or
 * e-mail, order date, line total or quantity × unit price, country).
 * Header cells are compared after lower-casing and dropping everything but
 * letters and digits, so `Customer ID`, `customer_id` and `CustomerID` agree.
 */

export const ORDER_ROLES = [
  'invoice',
  'customer',
  'date',
  'quantity',
  'unitPrice',
  'lineTotal',
  'product',
  'description',
  'country',
] as const;
export type OrderRole = (typeof ORDER_ROLES)[number];

const ALIASES: Record<OrderRole, readonly string[]> = {
  invoice: [
    'invoiceno',
    'invoice',
    'invoicenumber',
    'invoiceid',
    'orderid',
    'ordernumber',
    'orderno',
    'order',
    'transactionid',
    'receiptno',
  ],
  customer: [
    'customerid',
    'customer',
    'customerno',
    'customernumber',
    'customercode',
    'clientid',
    'customeremail',
    'email',
    'emailaddress',
    'userid',
  ],
  date: [
    'invoicedate',
    'orderdate',
    'date',
    'createdat',
    'purchasedate',
    'transactiondate',
    'orderedat',
    'datetime',
    'timestamp',
  ],
  quantity: ['quantity', 'qty', 'lineitemquantity', 'units', 'itemquantity'],
  unitPrice: ['unitprice', 'price', 'lineitemprice', 'itemprice', 'priceeach'],
  lineTotal: [
    'linetotal',
    'lineamount',
    'total',
    'amount',
    'revenue',
    'sales',
    'subtotal',
    'linevalue',
    'totalprice',
  ],
  product: ['stockcode', 'sku', 'productid', 'productcode', 'itemcode', 'product', 'lineitemsku'],
  description: ['description', 'productname', 'itemname', 'lineitemname', 'title'],
  country: ['country', 'billingcountry', 'shippingcountry', 'customercountry', 'countryname'],
};

export const normaliseHeader = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

export type OrderLayoutName = 'Online Retail I' | 'Online Retail II' | 'order export';

export interface OrderColumns {
  layout: OrderLayoutName;
  /** Column index and header as written, per role found. */
  roles: Partial<Record<OrderRole, { index: number; header: string }>>;
  /** Headers that played no role (ignored; customer columns such as Age are named here). */
  ignored: string[];
  /** How a line's value is known. */
  value: 'quantity × unit price' | 'line total';
}

/** The roles needed before a file counts as order lines; without them it is read as customers. */
export function looksLikeOrderLines(headers: readonly string[]): boolean {
  const roles = assign(headers);
  return (
    roles.invoice !== undefined &&
    roles.date !== undefined &&
    (roles.unitPrice !== undefined || roles.lineTotal !== undefined)
  );
}

function assign(headers: readonly string[]): OrderColumns['roles'] {
  const roles: OrderColumns['roles'] = {};
  const taken = new Set<number>();
  // Exact aliases in priority order: 'invoiceno' beats 'invoice' only if both appear.
  for (const role of ORDER_ROLES) {
    for (const alias of ALIASES[role]) {
      const index = headers.findIndex((h, i) => !taken.has(i) && normaliseHeader(h) === alias);
      if (index >= 0) {
        roles[role] = { index, header: headers[index]! };
        taken.add(index);
        break;
      }
    }
  }
  return roles;
}

/** Roles for a header row, or the roles that are missing (for a clear message). */
export function orderColumns(
  headers: readonly string[],
): { ok: true; columns: OrderColumns } | { ok: false; missing: string[] } {
  const roles = assign(headers);
  const missing: string[] = [];
  if (!roles.invoice) missing.push('an invoice or order number (InvoiceNo, Invoice, Order ID)');
  if (!roles.customer) missing.push('a customer id or e-mail (CustomerID, Customer ID, Email)');
  if (!roles.date) missing.push('an order date (InvoiceDate, Order Date)');
  if (!roles.lineTotal && !(roles.quantity && roles.unitPrice))
    missing.push('a line total, or a quantity and a unit price (Quantity and UnitPrice, Line Total)');
  if (missing.length) return { ok: false, missing };
  const used = new Set(Object.values(roles).map((r) => r.index));
  const names = new Set(headers.map(normaliseHeader));
  const layout: OrderLayoutName =
    names.has('invoiceno') && names.has('unitprice') && names.has('customerid')
      ? 'Online Retail I'
      : names.has('invoice') && names.has('price') && names.has('customerid')
        ? 'Online Retail II'
        : 'order export';
  return {
    ok: true,
    columns: {
      layout,
      roles,
      ignored: headers.filter((_, i) => !used.has(i)),
      value: roles.quantity && roles.unitPrice ? 'quantity × unit price' : 'line total',
    },
  };
}
