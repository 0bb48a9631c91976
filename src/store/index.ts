export { DatabaseError, openDatabase, type Database, type DatabaseSettings, type Queryable } from './database.js';
export { migrate } from './migrations.js';
export { ETagConflictError, StateStore } from './state-store.js';
