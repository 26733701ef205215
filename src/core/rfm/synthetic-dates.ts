/** How the synthetic generator writes an invoice time in each date form the ingest must recognise. */
export type OrderDateForm = 'iso' | 'us' | 'day-first';

const two = (n: number) => String(n).padStart(2, '0');

/** `minutes` since the epoch, clock time read as UTC. */
export function formatOrderDate(minutes: number, form: OrderDateForm): string {
  const d = new Date(minutes * 60_000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const h = d.getUTCHours();
  const min = two(d.getUTCMinutes());
  if (form === 'iso') return `${y}-${two(m)}-${two(day)} ${two(h)}:${min}:00`;
  if (form === 'us') return `${m}/${day}/${y} ${h}:${min}`;
  return `${two(day)}/${two(m)}/${y} ${two(h)}:${min}`;
}
