/**
 * The persistent half of the chart cache: the PNGs of one chart group for
 * one analysis, in order. Bounded by sets kept (the least recently used go
 * first); rows are validated on the way out, and a set that reads back
 * incomplete is treated as absent, so the worst case is drawing again.
 */
import { z } from 'zod';
import type { ReplyImage } from '../commands/reply.ts';
import type { Database } from './db.ts';

/** Chart sets kept across restarts (a 1M-row summary set is about 0.5 MB). */
export const CHART_SETS_KEPT = 64;

const rowSchema = z.object({
  position: z.number().int().min(0),
  filename: z.string().min(1),
  title: z.string(),
  alt: z.string(),
  png: z.instanceof(Uint8Array),
});

export class ChartImageRepository {
  constructor(
    private readonly db: Database,
    private readonly clock: () => Date,
  ) {}

  load(chartKey: string): ReplyImage[] | null {
    const rows = z
      .array(rowSchema)
      .parse(
        this.db
          .prepare(
            'SELECT position, filename, title, alt, png FROM chart_images WHERE chart_key = ? ORDER BY position',
          )
          .all(chartKey),
      );
    if (rows.length === 0 || rows.some((row, i) => row.position !== i)) return null;
    this.db
      .prepare('UPDATE chart_images SET used_at = ? WHERE chart_key = ?')
      .run(this.clock().toISOString(), chartKey);
    return rows.map(({ filename, title, alt, png }) => ({ filename, title, alt, png: Buffer.from(png) }));
  }

  save(chartKey: string, images: readonly ReplyImage[]): void {
    const at = this.clock().toISOString();
    const write = this.db.transaction(() => {
      this.db.prepare('DELETE FROM chart_images WHERE chart_key = ?').run(chartKey);
      const insert = this.db.prepare(
        'INSERT INTO chart_images (chart_key, position, filename, title, alt, png, used_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      images.forEach((image, i) => {
        insert.run(chartKey, i, image.filename, image.title, image.alt, image.png, at);
      });
      this.prune(CHART_SETS_KEPT);
    });
    write.immediate();
  }

  /** Keeps the `keep` most recently used sets. */
  prune(keep: number): number {
    return this.db
      .prepare(
        `DELETE FROM chart_images WHERE chart_key NOT IN (
           SELECT chart_key FROM chart_images GROUP BY chart_key ORDER BY max(used_at) DESC, max(rowid) DESC LIMIT ?)`,
      )
      .run(keep).changes;
  }
}
