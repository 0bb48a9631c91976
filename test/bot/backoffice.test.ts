import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeChannel } from '../support/channel.js';
import { startTestService } from '../support/service.js';
import { play, referenceIn } from '../support/transcript.js';

const TOKEN = 'backoffice-token-of-the-test-0123456789';

interface ApiTicket {
  id: string;
  reference: string;
  status: string;
  route: { id: string } | null;
  claimedBy: { name: string } | null;
  events: { actor: { name: string }; action: string; toStatus?: string; note?: string }[];
}

describe('the backoffice page and API', () => {
  let service: Awaited<ReturnType<typeof startTestService>>;
  let reference = '';
  let id = '';

  const api = (path: string, init: RequestInit & { token?: string } = {}) =>
    fetch(`${service.url}${path}`, { ...init, redirect: 'manual', headers: { 'content-type': 'application/json', ...(init.token === '' ? {} : { authorization: `Bearer ${init.token ?? TOKEN}` }) } });
  const form = (path: string, fields: Record<string, string>, cookie?: string) =>
    fetch(`${service.url}${path}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) }, body: new URLSearchParams(fields).toString() });

  beforeAll(async () => {
    service = await startTestService({ BACKOFFICE_TOKEN: TOKEN });
    const channel = await new FakeChannel(service.messagesUrl).start();
    const turns = await play(channel.conversation(), [
      ['ik ben 42, accountant met een hbo-diploma en wil voor de klas', 'Dit past goed bij jou'],
      ['Breng me in contact', 'Vind je dat goed?'],
      ['ja', 'Hoe heet je?'],
      ['Sanne de Vries', 'bereiken'],
      ['sanne@example.nl', 'Wil je nog iets meegeven'],
      ['Nee, verstuur maar', 'Je referentienummer is UL-'],
    ]);
    await channel.stop();
    reference = referenceIn(turns.at(-1));
    const { tickets } = (await (await api('/api/tickets')).json()) as { tickets: ApiTicket[] };
    id = tickets.find((t) => t.reference === reference)?.id ?? '';
  });
  afterAll(() => service.close());

  it('answers 401 without the credential, and reveals nothing', async () => {
    for (const response of [
      await fetch(`${service.url}/backoffice`),
      await fetch(`${service.url}/backoffice/tickets/${id}`),
      await api('/api/tickets', { token: '' }),
      await api('/api/tickets', { token: 'wrong-token-wrong-token-wrong' }),
      await api(`/api/tickets/${id}`, { token: '' }),
      await api(`/api/tickets/${id}`, { method: 'PATCH', token: '', body: JSON.stringify({ status: 'closed' }) }),
    ]) {
      expect(response.status).toBe(401);
      const body = await response.text();
      expect(body).not.toContain(reference);
      expect(body).not.toContain('Sanne');
    }
  });

  it('lists and filters tickets in the API', async () => {
    const list = async (query: string) => ((await (await api(`/api/tickets${query}`)).json()) as { tickets: ApiTicket[] }).tickets.map((t) => t.reference);
    expect(await list('')).toContain(reference);
    expect(await list('?status=open')).toContain(reference);
    expect(await list('?status=closed')).not.toContain(reference);
    expect(await list('?route=zij-instroom')).toContain(reference);
    expect(await list('?route=las-1')).not.toContain(reference);
    expect(await list('?olderThanDays=1')).not.toContain(reference);
    expect(await list('?newerThanDays=1')).toContain(reference);
    const invalid = await api('/api/tickets?status=lost');
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: 'invalid_filter' });
  });

  it('changes the status through the API, into the audit trail', async () => {
    const changed = await api(`/api/tickets/${id}`, { method: 'PATCH', body: JSON.stringify({ status: 'claimed', actor: 'Karin Smit', note: 'Ik bel haar morgen' }) });
    expect(changed.status).toBe(200);
    const ticket = (await changed.json()) as ApiTicket;
    expect(ticket).toMatchObject({ status: 'claimed', claimedBy: { name: 'Karin Smit' } });
    expect(ticket.events.at(-1)).toMatchObject({ actor: { name: 'Karin Smit' }, action: 'status', toStatus: 'claimed', note: 'Ik bel haar morgen' });
    expect((await api(`/api/tickets/${id}`, { method: 'PATCH', body: JSON.stringify({ status: 'lost' }) })).status).toBe(400);
    expect((await api('/api/tickets/00000000-0000-4000-8000-000000000000', { method: 'PATCH', body: JSON.stringify({ status: 'closed' }) })).status).toBe(404);
  });

  it('signs in on the page with the access code, lists, opens and closes a ticket', async () => {
    expect((await form('/backoffice/login', { name: 'Karin Smit', token: 'wrong-token-wrong-token-wrong' })).status).toBe(401);
    const login = await form('/backoffice/login', { name: 'Pieter Jansen', token: TOKEN });
    expect(login.status).toBe(303);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^backoffice_session=./);
    expect(login.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);

    const list = await (await fetch(`${service.url}/backoffice`, { headers: { cookie } })).text();
    expect(list).toContain(reference);
    expect(list).toContain('Zij-instroom');

    const detail = await (await fetch(`${service.url}/backoffice/tickets/${id}`, { headers: { cookie } })).text();
    for (const shown of ['Sanne de Vries', 'sanne@example.nl', 'Bezorging', 'Historie', 'Karin Smit', 'Niet verstuurd']) expect(detail).toContain(shown);
    const formToken = /name="formToken" value="([^"]+)"/.exec(detail)?.[1] ?? '';
    expect(formToken).not.toBe('');

    expect((await form(`/backoffice/tickets/${id}/status`, { status: 'closed' }, cookie)).status).toBe(403);
    const saved = await form(`/backoffice/tickets/${id}/status`, { status: 'closed', note: 'Aangemeld bij het bestuur', formToken }, cookie);
    expect(saved.status).toBe(303);
    const after = (await (await api(`/api/tickets/${id}`)).json()) as ApiTicket;
    expect(after.status).toBe('closed');
    expect(after.events.at(-1)).toMatchObject({ actor: { name: 'Pieter Jansen' }, toStatus: 'closed', note: 'Aangemeld bij het bestuur' });
  });
});
