import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeChannel } from '../support/channel.js';
import { postgresTestDatabase, type TestDatabase } from '../support/databases.js';
import { startTestService } from '../support/service.js';
import { cardJson, eventually, FakeTeams, OTHER_TENANT, STAFF_TENANT, teamsUser } from '../support/teams.js';
import { askForPerson } from '../support/transcript.js';

type Service = Awaited<ReturnType<typeof startTestService>>;

/** The backoffice in Teams, through the real protocol: a fake Teams channel that captures what the bot posts. */
describe('tickets in a Teams backoffice channel', () => {
  let database: TestDatabase;
  let service: Service;
  let teams: FakeTeams;
  let website: FakeChannel;
  const anna = teamsUser('Anna de Boer');
  const bram = teamsUser('Bram Visser');
  const outsider = teamsUser('Iemand Anders', OTHER_TENANT);
  const backoffice = { id: '', name: 'Aanvragen' };

  beforeAll(async () => {
    database = await postgresTestDatabase();
    service = await startTestService({ ...database.env, STAFF_TENANT_IDS: STAFF_TENANT });
    teams = await new FakeTeams(service.messagesUrl).start();
    website = await new FakeChannel(service.messagesUrl).start();
    Object.assign(backoffice, teams.newChannel('Aanvragen'));
  });
  afterAll(async () => {
    await teams.stop();
    await website.stop();
    await service.close();
    await database.drop();
  });

  /** A website visitor who asks for a person and leaves their details. */
  const handoff = () => askForPerson(website.conversation(), 'Kan ik in januari beginnen met zij-instroom?');

  it('introduces itself when added to a team', async () => {
    const turn = await teams.botAddedToTeam(anna);
    expect(turn.status).toBe(200);
    expect(turn.replies.map((r) => r.text).join('\n')).toContain('koppel dit kanaal');
  });

  it('links a channel only for staff', async () => {
    const refused = await teams.inChannel(outsider, backoffice, 'koppel dit kanaal');
    expect(refused.replies.map((r) => r.text).join('\n')).not.toContain('backoffice-kanaal');
    expect(await database.db.query('select 1 from backoffice_channels')).toEqual([]);

    const linked = await teams.inChannel(anna, backoffice, 'koppel dit kanaal');
    expect(linked.replies.map((r) => r.text).join('\n')).toContain('Dit kanaal is nu het backoffice-kanaal voor alle aanvragen');
    const [row] = await database.db.query<{ conversation_id: string; route_id: string | null }>('select conversation_id, route_id from backoffice_channels');
    expect(row).toEqual({ conversation_id: backoffice.id, route_id: null });
  });

  it('posts one card for a visitor\'s handoff, which two staff claim at once and exactly one wins', async () => {
    const reference = await handoff();
    const card = await eventually(() => teams.cards(backoffice.id).find((c) => cardJson(c).includes(reference)));
    expect(teams.cards(backoffice.id).filter((c) => cardJson(c).includes(reference))).toHaveLength(1);
    for (const shown of ['Sanne de Vries', 'sanne@example.nl', 'Kan ik in januari beginnen', 'Toestemming', 'Oppakken', 'ticket.claim']) expect(cardJson(card)).toContain(shown);
    const ticketId = (JSON.parse(cardJson(card)) as { actions: { data: { ticketId: string } }[] }).actions[0]?.data.ticketId ?? '';

    const [first, second] = await Promise.all([
      teams.execute(anna, card, backoffice.id, 'ticket.claim', { ticketId }),
      teams.execute(bram, card, backoffice.id, 'ticket.claim', { ticketId }),
    ]);
    const bodies = [first.body, second.body] as { statusCode: number; type: string; value: unknown }[];
    const won = bodies.filter((b) => b.type === 'application/vnd.microsoft.card.adaptive');
    const lost = bodies.filter((b) => b.type === 'application/vnd.microsoft.activity.message');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const [row] = await database.db.query<{ status: string; claimed_by: { name: string } }>('select status, claimed_by from tickets where id = $1', [ticketId]);
    expect(row?.status).toBe('claimed');
    const winner = row?.claimed_by.name ?? '';
    expect(['Anna de Boer', 'Bram Visser']).toContain(winner);
    expect(lost[0]?.value).toBe(`Deze aanvraag is al opgepakt door ${winner}.`);
    expect(cardJson(teams.current(card))).toContain(`opgepakt door ${winner}`);

    const closer = winner === anna.name ? anna : bram;
    const closed = await teams.execute(closer, card, backoffice.id, 'ticket.close', { ticketId });
    expect(closed.status).toBe(200);
    const after = cardJson(teams.current(card));
    expect(after).toContain('afgesloten');
    expect(after).not.toContain('ticket.claim');
    const events = await database.db.query<{ action: string; to_status: string }>('select action, to_status from ticket_events where ticket_id = $1 order by id', [ticketId]);
    expect(events).toEqual([
      { action: 'submitted', to_status: 'open' },
      { action: 'claimed', to_status: 'claimed' },
      { action: 'status', to_status: 'closed' },
    ]);
  });

  it('does not let someone outside the staff tenants act on a card', async () => {
    const reference = await handoff();
    const card = await eventually(() => teams.cards(backoffice.id).find((c) => cardJson(c).includes(reference)));
    const ticketId = (JSON.parse(cardJson(card)) as { actions: { data: { ticketId: string } }[] }).actions[0]?.data.ticketId ?? '';
    const refused = await teams.execute(outsider, card, backoffice.id, 'ticket.claim', { ticketId });
    expect((refused.body as { value: string }).value).toMatch(/Alleen medewerkers/);
    const [row] = await database.db.query<{ status: string }>('select status from tickets where id = $1', [ticketId]);
    expect(row?.status).toBe('open');
  });

  it('gives staff their ticket commands in a personal chat, and others the public experience', async () => {
    const reference = await handoff();
    const open = await teams.personal(anna, 'open aanvragen');
    expect(open.replies.map((r) => r.text).join('\n')).toContain(reference);
    const details = await teams.personal(anna, `aanvraag ${reference}`);
    expect(cardJson(details.replies[0])).toContain('Sanne de Vries');
    const claimed = await teams.personal(anna, `pak ${reference} op`);
    expect(cardJson(claimed.replies[0])).toContain('Je hebt deze aanvraag opgepakt');
    const mine = await teams.personal(anna, 'mijn aanvragen');
    expect(mine.replies.map((r) => r.text).join('\n')).toContain(reference);

    const visitor = await teams.personal(outsider, 'open aanvragen');
    expect(visitor.replies.map((r) => r.text).join('\n')).not.toContain(reference);
  });
});
