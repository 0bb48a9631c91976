import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrations.js';

/** The PostgreSQL the tests use: DATABASE_URL when set, else the local server CI provides. */
export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  db: Database;
  /** Settings that open the same database again (a restart). */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A fresh, migrated embedded database in its own temporary folder. */
export async function embeddedTestDatabase(): Promise<TestDatabase> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bot-data-'));
  const db = await openDatabase({ dataDir });
  await migrate(db);
  return {
    db,
    env: { DATA_DIR: dataDir },
    drop: async () => {
      await db.close().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh, migrated schema of its own on the test PostgreSQL, dropped afterwards. */
export async function postgresTestDatabase(): Promise<TestDatabase> {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const db = await openDatabase({ url: TEST_POSTGRES_URL, dataDir: '', schema });
  await migrate(db);
  return {
    db,
    env: { DATABASE_URL: TEST_POSTGRES_URL, DATABASE_SCHEMA: schema },
    drop: async () => {
      await db.close().catch(() => undefined);
      const cleanup = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await cleanup.connect();
      await cleanup.query(`drop schema if exists ${schema} cascade`);
      await cleanup.end();
    },
  };
}

export const TEST_DATABASES = [
  ['embedded (PGlite)', embeddedTestDatabase],
  ['PostgreSQL', postgresTestDatabase],
] as const;
