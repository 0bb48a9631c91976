import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** A SQL database: the embedded PGlite by default, PostgreSQL when DATABASE_URL is set. Same SQL for both. */
export interface Database {
  readonly kind: 'embedded' | 'postgres';
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs `work` in one transaction; every query inside must go through the given handle. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type Queryable = Pick<Database, 'query'>;

/** A database that cannot be reached or used; its message says what to check, never a password. */
export class DatabaseError extends Error {
  override name = 'DatabaseError';
}

async function embedded(dataDir: string): Promise<Database> {
  const dir = `${dataDir}/pglite`;
  let db: PGlite;
  try {
    await mkdir(dataDir, { recursive: true });
    db = await PGlite.create(dir);
  } catch (error) {
    throw new DatabaseError(`Cannot open the embedded database in ${dir}: ${(error as Error).message}`);
  }
  let queue: Promise<unknown> = Promise.resolve();
  // PGlite runs one statement at a time; transactions must not interleave with other queries.
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  const query = async <Row>(sql: string, params: readonly unknown[] = []) => (await db.query<Row>(sql, [...params])).rows;
  return {
    kind: 'embedded',
    query: (sql, params) => serial(() => query(sql, params)),
    transaction: (work) => serial(() => db.transaction((tx) => work({ query: async (sql, params = []) => (await tx.query(sql, [...params])).rows as never }))),
    close: () => serial(() => db.close()),
  };
}

async function postgres(url: string, schema?: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  // An idle connection that breaks (the server restarts) is dropped by the pool; the next query connects anew.
  // Without this listener the pool's 'error' event would end the process.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    const host = (() => {
      try {
        return new URL(url).host;
      } catch {
        return 'the DATABASE_URL';
      }
    })();
    throw new DatabaseError(`Cannot reach PostgreSQL at ${host}: ${(error as Error).message}`);
  }
  return {
    kind: 'postgres',
    query: async (sql, params = []) => (await pool.query(sql, [...params])).rows,
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work({ query: async (sql, params = []) => (await client.query(sql, [...params])).rows });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

export interface DatabaseSettings {
  /** PostgreSQL connection string; without it the embedded database in dataDir is used. */
  url?: string;
  dataDir: string;
  /** A PostgreSQL schema to work in (tests use one each). */
  schema?: string;
}

export function openDatabase(settings: DatabaseSettings): Promise<Database> {
  return settings.url ? postgres(settings.url, settings.schema) : embedded(settings.dataDir);
}
