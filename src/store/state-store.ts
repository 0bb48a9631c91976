import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from './database.js';

type StoreItems = Record<string, unknown>;

/** A write whose eTag no longer matches what is stored: someone else changed the item first. */
export class ETagConflictError extends Error {
  override name = 'ETagConflictError';
}

interface Stored {
  json: string;
  etag: string;
}

/** Items kept in memory at most, when the store keeps them (see below). */
const KNOWN_MAX = 10_000;

/**
 * Conversation and user state in the database, with the botbuilder `Storage` contract: `read` returns only keys
 * that exist, each with its `eTag`; `write` is unconditional when the item is new or has no eTag (or `*`), and
 * otherwise must match the stored eTag; every write makes a new eTag; `delete` ignores unknown keys; keys may hold
 * any character. A batch is written in one transaction.
 *
 * The embedded database belongs to this process alone, so what it last read or wrote is what it would read again:
 * then reads are served from memory and only writes go to disk. PostgreSQL may be shared by several instances and is
 * always asked.
 */
export class StateStore {
  private readonly known?: Map<string, Stored | null>;

  constructor(private readonly db: Database) {
    if (db.kind === 'embedded') this.known = new Map();
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when reading.');
    if (!keys.length) return {};
    const known = this.known;
    if (!known || !keys.every((k) => known.has(k))) {
      const rows = await this.db.query<{ key: string; document: unknown; etag: string }>('select key, document, etag from bot_state where key = any($1)', [keys]);
      const found = new Map(rows.map((r) => [r.key, { json: JSON.stringify(r.document), etag: r.etag }]));
      if (!known) return Object.fromEntries([...found].map(([key, item]) => [key, itemOf(item)]));
      for (const key of keys) this.remember(key, found.get(key) ?? null);
    }
    return Object.fromEntries(keys.flatMap((key) => {
      const item = known.get(key);
      return item ? [[key, itemOf(item)]] : [];
    }));
  }

  async write(changes: StoreItems): Promise<void> {
    if (changes === null || typeof changes !== 'object') throw new ReferenceError('Changes are required when writing.');
    const entries = Object.entries(changes);
    if (!entries.length) return;
    const keys = entries.map(([key]) => key);
    try {
      // One item is one statement, atomic by itself; a batch is one transaction.
      const written = entries.length === 1 ? await writeAll(this.db, entries) : await this.db.transaction((tx) => writeAll(tx, entries));
      for (const [key, item] of written) this.remember(key, item);
    } catch (error) {
      for (const key of keys) this.known?.delete(key);
      throw error;
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when deleting.');
    if (!keys.length) return;
    await this.db.query('delete from bot_state where key = any($1)', [keys]);
    for (const key of keys) this.remember(key, null);
  }

  /** Forgets conversations and users not seen since `before`; returns how many items were deleted. */
  async deleteUntouchedSince(before: Date): Promise<number> {
    const deleted = await this.db.query('delete from bot_state where updated_at < $1 returning key', [before]);
    this.known?.clear();
    return deleted.length;
  }

  private remember(key: string, item: Stored | null): void {
    if (!this.known) return;
    this.known.delete(key);
    this.known.set(key, item);
    if (this.known.size > KNOWN_MAX) this.known.delete(this.known.keys().next().value ?? '');
  }
}

/** A fresh copy each time: botbuilder changes the objects it reads. */
function itemOf(stored: Stored): Record<string, unknown> {
  return { ...(JSON.parse(stored.json) as Record<string, unknown>), eTag: stored.etag };
}

async function writeAll(db: Queryable, entries: [string, unknown][]): Promise<[string, Stored][]> {
  const written: [string, Stored][] = [];
  for (const [key, item] of entries) {
    const { eTag, ...document } = (item ?? {}) as { eTag?: unknown };
    const conditional = typeof eTag === 'string' && eTag !== '*' && eTag !== '';
    const json = JSON.stringify(document);
    const etag = randomUUID();
    const rows = await db.query(
      `insert into bot_state (key, document, etag, updated_at) values ($1, $2, $3, now())
       on conflict (key) do update set document = excluded.document, etag = excluded.etag, updated_at = now()
       ${conditional ? 'where bot_state.etag = $4' : ''}
       returning key`,
      conditional ? [key, json, etag, eTag] : [key, json, etag],
    );
    if (!rows.length) throw new ETagConflictError(`Storage: eTag conflict on write for key '${key}'.`);
    written.push([key, { json, etag }]);
  }
  return written;
}
