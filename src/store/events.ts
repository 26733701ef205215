/**
 * Slack retries an event it thinks went unanswered; remembering event ids (in
 * the database, so a restart between the first delivery and the retry still
 * dedupes) lets the bot answer once. Retries arrive within minutes, so a day
 * of memory is plenty and keeps the table small.
 */
import type { Database } from './db.ts';

export const EVENT_MEMORY_MS = 24 * 60 * 60 * 1000;

export class EventRepository {
  constructor(
    private readonly db: Database,
    private readonly clock: () => Date,
  ) {}

  /** true the first time an id is seen. */
  markSeen(eventId: string): boolean {
    const now = this.clock();
    this.prune(new Date(now.getTime() - EVENT_MEMORY_MS));
    const result = this.db
      .prepare('INSERT OR IGNORE INTO seen_events (event_id, seen_at) VALUES (?, ?)')
      .run(eventId, now.toISOString());
    return result.changes === 1;
  }

  prune(olderThan: Date): number {
    return this.db.prepare('DELETE FROM seen_events WHERE seen_at < ?').run(olderThan.toISOString()).changes;
  }
}
