import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeChannel } from '../support/channel.js';
import { startTestService } from '../support/service.js';

type Service = Awaited<ReturnType<typeof startTestService>>;

describe('the bot over the Bot Framework protocol', () => {
  let service: Service;
  let channel: FakeChannel;

  beforeAll(async () => {
    service = await startTestService();
    channel = await new FakeChannel(service.messagesUrl).start();
  });
  afterAll(async () => {
    await channel.stop();
    await service.close();
  });

  it('reports healthy once the knowledge is loaded', async () => {
    const response = await fetch(`${service.url}/healthz`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; topics: number; database: string };
    expect(body.status).toBe('ok');
    expect(body.database).toBe('embedded');
    expect(body.topics).toBeGreaterThan(20);
  });

  it('serves the privacy statement the consent links to, in Dutch and English', async () => {
    const nl = await fetch(`${service.url}/privacy`);
    expect(nl.status).toBe(200);
    expect(nl.headers.get('content-type')).toMatch(/text\/html/);
    const page = await nl.text();
    expect(page).toContain('<html lang="nl">');
    expect(page).toContain('90 dagen na je aanvraag');
    expect(page).toContain('welkom@utrechtleert.nl');
    expect(page).toContain('margriet@utrechtleert.nl');
    const en = await (await fetch(`${service.url}/privacy?lang=en`)).text();
    expect(en).toContain('90 days after your request');
  });

  it('keeps the backoffice closed when no access code is configured', async () => {
    expect((await fetch(`${service.url}/api/tickets`, { headers: { authorization: 'Bearer anything-anything-anything' } })).status).toBe(401);
    expect((await fetch(`${service.url}/backoffice`)).status).toBe(401);
  });

  it('welcomes a new conversation as a digital assistant, with a way to a person', async () => {
    const turn = await channel.conversation().join();
    expect(turn.status).toBe(200);
    expect(turn.messages).toHaveLength(1);
    expect(turn.text).toMatch(/digitale assistent/);
    expect(turn.text).toMatch(/geen mens/);
    const titles = turn.messages[0]?.suggestedActions?.actions.map((a) => a.title);
    expect(titles).toEqual(expect.arrayContaining(['Welke route past bij mij?', 'Praat met een medewerker']));
  });

  it('answers the aspect asked, with a visible source, a citation entity and a trace', async () => {
    const turn = await channel.conversation().say('Hoe lang duurt de Onderwijs Challenge?');
    expect(turn.status).toBe(200);
    const [message] = turn.messages;
    expect(message?.text).toMatch(/vier maanden/);
    expect(message?.text).toMatch(/\nBron: .*Nieuwsflits Utrecht Leert/);
    const entity = message?.entities?.find((e) => e.type === 'https://schema.org/Message');
    expect(entity).toMatchObject({ '@type': 'Message', '@context': 'https://schema.org' });
    const citations = entity?.citation as { position: number; appearance: { name: string; abstract: string } }[];
    expect(citations[0]).toMatchObject({ '@type': 'Claim', position: 1, appearance: { '@type': 'DigitalDocument' } });
    expect(citations[0]?.appearance.name).toMatch(/Nieuwsflits/);
    expect(message?.text).toContain('[1]');

    const [trace] = turn.traces;
    expect(trace?.name).toBe('onderwijsloket.turn');
    expect(trace?.value).toMatchObject({ intent: 'answer', routes: ['onderwijs-challenge'], lang: 'nl' });
    const value = trace?.value as { sources: { doc: string }[]; confidence: number };
    expect(value.sources.map((s) => s.doc)).toContain('nieuwsflits-2025');
    expect(value.confidence).toBeGreaterThan(0.5);
  });

  it('answers in English when asked in English', async () => {
    const turn = await channel.conversation('en-US').say('How long does the Onderwijs Challenge take?');
    expect(turn.text).toMatch(/four months/);
    expect(turn.text).toMatch(/\nSources?: /);
  });

  it('says it does not know, and offers a person, when the knowledge holds no answer', async () => {
    const turn = await channel.conversation().say('Wat kost de Onderwijs Challenge?');
    expect(turn.text).toMatch(/weet ik niet zeker/);
    expect(turn.text).toContain('welkom@utrechtleert.nl');
    expect(turn.text).not.toMatch(/€|euro/i);
    expect(turn.traces[0]?.value).toMatchObject({ intent: 'unknown' });
  });

  it('keeps message text out of the logs', async () => {
    const secret = 'Mijn naam is Jan Jansen, jan@example.org';
    await channel.conversation().say(secret);
    const logged = JSON.stringify(service.logs.lines);
    expect(logged).toContain('turn handled');
    expect(logged).not.toContain('Jansen');
    expect(logged).not.toContain('jan@example.org');
  });

  it('refuses a body that is not JSON with 400 and stays up', async () => {
    const response = await channel.post('{"type": "message", ');
    expect(response.status).toBe(400);
    const after = await channel.conversation().say('Wat is zij-instroom?');
    expect(after.status).toBe(200);
  });

  it('refuses an activity without the fields a reply needs with 400', async () => {
    const response = await channel.post({ type: 'message', text: 'hallo' });
    expect(response.status).toBe(400);
  });
});
