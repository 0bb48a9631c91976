import { randomUUID } from 'node:crypto';
import type { Database } from './database.js';

type StoreItems = Record<string, unknown>;

/** A write whose eTag no longer matches what is stored: someone else changed the item first. */
export class ETagConflictError extends Error {
  override name = 'ETagConflictError';
}

/**
 * Conversation and user state in the database, with the botbuilder `Storage` contract: `read` returns only keys
 * that exist, each with its `eTag`; `write` is unconditional when the item is new or has no eTag (or `*`), and
 * otherwise must match the stored eTag; every write makes a new eTag; `delete` ignores unknown keys; keys may hold
 * any character. A batch is written in one transaction.
 */
export class StateStore {
  constructor(private readonly db: Database) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when reading.');
    if (!keys.length) return {};
    const rows = await this.db.query<{ key: string; document: Record<string, unknown>; etag: string }>(
      'select key, document, etag from bot_state where key = any($1)',
      [keys],
    );
    return Object.fromEntries(rows.map((r) => [r.key, { ...r.document, eTag: r.etag }]));
  }

  async write(changes: StoreItems): Promise<void> {
    if (changes === null || typeof changes !== 'object') throw new ReferenceError('Changes are required when writing.');
    const entries = Object.entries(changes);
    if (!entries.length) return;
    await this.db.transaction(async (tx) => {
      for (const [key, item] of entries) {
        const { eTag, ...document } = (item ?? {}) as { eTag?: unknown };
        const conditional = typeof eTag === 'string' && eTag !== '*' && eTag !== '';
        const rows = await tx.query(
          `insert into bot_state (key, document, etag, updated_at) values ($1, $2, $3, now())
           on conflict (key) do update set document = excluded.document, etag = excluded.etag, updated_at = now()
           ${conditional ? 'where bot_state.etag = $4' : ''}
           returning key`,
          conditional ? [key, JSON.stringify(document), randomUUID(), eTag] : [key, JSON.stringify(document), randomUUID()],
        );
        if (!rows.length) throw new ETagConflictError(`Storage: eTag conflict on write for key '${key}'.`);
      }
    });
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when deleting.');
    if (keys.length) await this.db.query('delete from bot_state where key = any($1)', [keys]);
  }

  /** Forgets conversations and users not seen since `before`; returns how many items were deleted. */
  async deleteUntouchedSince(before: Date): Promise<number> {
    return (await this.db.query('delete from bot_state where updated_at < $1 returning key', [before])).length;
  }
}
