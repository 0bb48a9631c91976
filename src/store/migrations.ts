import type { Database } from './database.js';

/**
 * The schema, as numbered steps applied once each, in order, on the embedded database and on PostgreSQL alike.
 * Never change a step that has shipped: add a new one.
 */
const MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      create table bot_state (
        key text primary key,
        document jsonb not null,
        etag text not null,
        updated_at timestamptz not null default now()
      );
      create table tickets (
        id uuid primary key,
        reference text not null unique,
        idempotency_key text not null unique,
        status text not null,
        kind text not null,
        reason text not null,
        route_id text,
        destination jsonb not null,
        lang text not null,
        conversation_key text,
        user_key text,
        name text,
        email text,
        phone text,
        preferred_contact text,
        preferred_time text,
        question text,
        summary text,
        profile jsonb,
        recommendation jsonb,
        consent_at timestamptz not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        submitted_at timestamptz,
        personal_data_deleted_at timestamptz
      );
      create index tickets_conversation on tickets (conversation_key);
      create index tickets_user on tickets (user_key);
      create index tickets_created on tickets (created_at);
      create index bot_state_updated on bot_state (updated_at);
    `,
  },
  {
    version: 2,
    sql: `
      alter table tickets add column claimed_by jsonb;
      alter table tickets add column claimed_at timestamptz;
      alter table tickets add column closed_at timestamptz;
      alter table tickets add column deliveries_planned_at timestamptz;
      alter table tickets add column reminded_at timestamptz;
      create index tickets_status on tickets (status);
      create table ticket_events (
        id bigserial primary key,
        ticket_id uuid not null references tickets (id) on delete cascade,
        at timestamptz not null default now(),
        actor jsonb not null,
        action text not null,
        from_status text,
        to_status text,
        note text
      );
      create index ticket_events_ticket on ticket_events (ticket_id, at);
      create table deliveries (
        id uuid primary key,
        ticket_id uuid not null references tickets (id) on delete cascade,
        channel text not null,
        target text not null,
        purpose text not null,
        status text not null,
        attempts integer not null default 0,
        next_attempt_at timestamptz not null default now(),
        last_error text,
        external_id text,
        delivered_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (ticket_id, channel, target, purpose)
      );
      create index deliveries_due on deliveries (status, next_attempt_at);
      create table backoffice_channels (
        conversation_id text primary key,
        route_id text,
        reference jsonb not null,
        label text,
        linked_by jsonb not null,
        linked_at timestamptz not null default now()
      );
    `,
  },
  {
    version: 3,
    sql: `
      create table settings (
        name text primary key,
        value text not null,
        created_at timestamptz not null default now()
      );
      create table directline_conversations (
        id text primary key,
        user_id text not null,
        locale text,
        next_watermark integer not null default 0,
        created_at timestamptz not null default now(),
        started_at timestamptz,
        touched_at timestamptz not null default now()
      );
      create index directline_conversations_touched on directline_conversations (touched_at);
      create table directline_activities (
        conversation_id text not null references directline_conversations (id) on delete cascade,
        watermark integer not null,
        client_activity_id text,
        activity jsonb not null,
        primary key (conversation_id, watermark)
      );
      create unique index directline_activities_client on directline_activities (conversation_id, client_activity_id);
    `,
  },
];

/** Brings the schema up to date; safe to run from several processes at once. */
export async function migrate(db: Database): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(764331)');
    await tx.query('create table if not exists schema_migrations (version integer primary key, applied_at timestamptz not null default now())');
    const done = new Set((await tx.query<{ version: number }>('select version from schema_migrations')).map((r) => r.version));
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      for (const statement of m.sql.split(';').map((s) => s.trim()).filter(Boolean)) await tx.query(statement);
      await tx.query('insert into schema_migrations (version) values ($1)', [m.version]);
      applied.push(m.version);
    }
    return applied;
  });
}
