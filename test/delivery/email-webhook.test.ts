import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeChannel } from '../support/channel.js';
import { TestSmtpServer, TestWebhookReceiver } from '../support/receivers.js';
import { startTestService } from '../support/service.js';
import { eventually } from '../support/teams.js';
import { askForPerson } from '../support/transcript.js';

const SECRET = 'webhook-secret-of-the-test';
const TOKEN = 'backoffice-token-of-the-test-0123456789';

interface ApiTicket {
  id: string;
  reference: string;
  deliveries: { id: string; channel: string; status: string; attempts: number; lastError?: string }[];
}

describe('tickets by e-mail and to a ticket system', () => {
  let dataDir: string;
  let smtp: TestSmtpServer;
  let hook: TestWebhookReceiver;
  let service: Awaited<ReturnType<typeof startTestService>>;

  const start = () =>
    startTestService({ DATA_DIR: dataDir, SMTP_URL: smtp.url, MAIL_FROM: 'Chatbot onderwijsloket <chatbot@utrechtleert.example>', WEBHOOK_URL: hook.url, WEBHOOK_SECRET: SECRET, BACKOFFICE_TOKEN: TOKEN });
  const api = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(`${service.url}${url}`, { ...init, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' } });
    return (await response.json()) as unknown;
  };
  const ticketByReference = async (reference: string) => {
    const { tickets } = (await api('/api/tickets')) as { tickets: { id: string; reference: string }[] };
    const id = tickets.find((t) => t.reference === reference)?.id ?? '';
    return (await api(`/api/tickets/${id}`)) as ApiTicket;
  };
  const handoff = async () => {
    const channel = await new FakeChannel(service.messagesUrl).start();
    const reference = await askForPerson(channel.conversation());
    await channel.stop();
    return reference;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'bot-delivery-'));
    smtp = await new TestSmtpServer().start();
    hook = await new TestWebhookReceiver().start();
    service = await start();
  });
  afterAll(async () => {
    await service.close();
    await smtp.stop();
    await hook.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('mails the routed address in Dutch, with how to reach the person', async () => {
    const reference = await handoff();
    const mail = await eventually(() => smtp.mails.find((m) => m.raw.includes(reference)));
    expect(mail.to).toEqual(['welkom@utrechtleert.nl']);
    expect(mail.raw).toMatch(new RegExp(`Subject: Nieuwe aanvraag ${reference}: Algemene vraag`));
    expect(mail.raw).toMatch(/Reply-To: sanne@example\.nl/);
    for (const shown of ['Er is een nieuwe aanvraag binnengekomen', 'Naam: Sanne de Vries', 'E-mail: sanne@example.nl', 'Contact: per e-mail', 'Neem binnen 2 werkdagen contact op']) expect(mail.raw).toContain(shown);
  });

  it('posts the ticket to the ticket system, signed with HMAC-SHA256', async () => {
    const reference = await handoff();
    const hit = await eventually(() => hook.received.find((h) => h.body.includes(reference)));
    const expected = `sha256=${createHmac('sha256', SECRET).update(hit.body).digest('hex')}`;
    expect(hit.headers['x-onderwijsloket-signature']).toBe(expected);
    const body = JSON.parse(hit.body) as { event: string; deliveryId: string; ticket: { reference: string; person: { name: string; email: string } } };
    expect(body).toMatchObject({ event: 'ticket.created', ticket: { reference, person: { name: 'Sanne de Vries', email: 'sanne@example.nl' } } });
    expect(hit.headers['x-onderwijsloket-delivery']).toBe(body.deliveryId);
    const ticket = await ticketByReference(reference);
    expect(ticket.deliveries.find((d) => d.channel === 'webhook')).toMatchObject({ id: body.deliveryId, status: 'delivered' });
  });

  it('delivers to a ticket system that was down once it is back, also after a restart, with the same delivery id', async () => {
    const port = hook.port;
    await hook.stop();
    const reference = await handoff();
    const failing = await eventually(async () => {
      const ticket = await ticketByReference(reference);
      const webhook = ticket.deliveries.find((d) => d.channel === 'webhook');
      return webhook?.lastError ? ticket : undefined;
    });
    const delivery = failing.deliveries.find((d) => d.channel === 'webhook');
    expect(delivery).toMatchObject({ status: 'pending', lastError: expect.stringMatching(/webhook not reachable/) });
    await eventually(async () => (await ticketByReference(reference)).deliveries.find((d) => d.channel === 'email' && d.status === 'delivered'));

    await service.close();
    await hook.start(port);
    service = await start();
    expect(await api(`/api/tickets/${failing.id}/retry`, { method: 'POST' })).toEqual({ retried: 1 });
    const hit = await eventually(() => hook.received.find((h) => h.body.includes(reference)));
    expect(hit.headers['x-onderwijsloket-delivery']).toBe(delivery?.id);
    const delivered = await eventually(async () => {
      const ticket = await ticketByReference(reference);
      return ticket.deliveries.find((d) => d.channel === 'webhook' && d.status === 'delivered');
    });
    expect(delivered.attempts).toBeGreaterThanOrEqual(2);
    expect(hook.received.filter((h) => h.body.includes(reference))).toHaveLength(1);
  });
});
