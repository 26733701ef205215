/**
 * A tiny document model so the CLI's terminal summary and report.md are one
 * text written once and rendered twice.
 */
import { textTable } from './format.ts';

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; columns: string[]; rows: string[][]; align?: Array<'left' | 'right'> }
  | { kind: 'image'; file: string; alt: string; title: string };

export function toTerminal(blocks: Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') out.push('', b.text.toUpperCase());
    else if (b.kind === 'para') out.push(b.text);
    else if (b.kind === 'list') out.push(...b.items.map((i) => `  • ${i}`));
    else if (b.kind === 'table') out.push(textTable(b.columns, b.rows, b.align));
    else out.push(`  [chart] ${b.file}: ${b.alt}`);
  }
  return `${out.join('\n').replace(/^\n+/, '')}\n`;
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function toMarkdown(title: string, blocks: Block[]): string {
  const out: string[] = [`# ${title}`];
  for (const b of blocks) {
    if (b.kind === 'heading') out.push(`## ${b.text}`);
    else if (b.kind === 'para') out.push(b.text);
    else if (b.kind === 'list') out.push(b.items.map((i) => `- ${i}`).join('\n'));
    else if (b.kind === 'table') {
      const sep = b.columns.map((_, j) => (b.align?.[j] === 'right' ? '---:' : '---'));
      out.push([b.columns, sep, ...b.rows].map((r) => `| ${r.map(cell).join(' | ')} |`).join('\n'));
    } else out.push(`![${b.alt}](${b.file})\n\n*${b.title}.* ${b.alt}`);
  }
  return `${out.join('\n\n')}\n`;
}
