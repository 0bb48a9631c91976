import { once } from 'node:events';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { freePort } from '../support/process.js';
import { startTestService } from '../support/service.js';

const OUTPUT = path.resolve('test-output');
const SENDBOX = '[data-id="webchat-sendbox-input"]';

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

/** The serious and critical WCAG 2.1 A/AA violations axe-core finds on the page, as readable lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const result = await page.evaluate<AxeResult>("axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })");
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
}

/**
 * The website chat in a real browser (Debian's Chromium, driven by playwright-core), on a phone-sized screen,
 * against the bot's own Direct Line: no Azure.
 */
describe('the website chat in a browser', () => {
  let dataDir: string;
  let port: number;
  let host: Server;
  let hostUrl: string;
  let service: Awaited<ReturnType<typeof startTestService>>;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const start = () => startTestService({ DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info', EMBED_ORIGINS: hostUrl });

  const chat = () => page.locator('#chat');
  /** Waits until the conversation shows this text. */
  const shows = (text: string | RegExp, timeout = 45_000) => chat().getByText(text).last().waitFor({ timeout });
  const click = async (suggestion: string) => {
    await page.getByRole('button', { name: suggestion, exact: true }).last().click();
  };
  const type = async (text: string) => {
    await page.locator(SENDBOX).fill(text);
    await page.keyboard.press('Enter');
    // Sent: the message is in the conversation (Web Chat would show "send failed" otherwise).
    await chat().getByText(text, { exact: true }).last().waitFor();
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'bot-webchat-'));
    port = await freePort();
    // A page of "utrechtleert.nl", on another origin, that embeds the chat with the script tag of the README.
    host = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="nl"><head><title>Utrecht Leert</title></head><body><main><h1>Werken in het onderwijs</h1></main><script src="http://127.0.0.1:${port}/embed.js" async></script></body></html>`);
    });
    host.listen(0, '127.0.0.1');
    await once(host, 'listening');
    hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
    service = await start();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'nl-NL', isMobile: true, hasTouch: true });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await mkdir(OUTPUT, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
    host?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('says who you talk to, how to reach a person and what happens with your data, before the first message', async () => {
    await page.goto(`${service.url}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    expect(await page.title()).toBe('Chat met het onderwijsloket van Utrecht Leert');
    const intro = await page.locator('main').innerText();
    expect(intro).toContain('digitale assistent');
    expect(intro).toContain('geen mens');
    expect(intro).toContain('welkom@utrechtleert.nl');
    expect(intro).toContain('24 uur');
    expect(await page.getByRole('link', { name: 'Lees de privacyverklaring' }).getAttribute('href')).toBe('/privacy?lang=nl');
    expect(await page.getByRole('link', { name: 'English' }).getAttribute('href')).toBe('/?lang=en');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('starts with the keyboard alone, answers with its source, and qualifies and hands on with clicks and typing', async () => {
    // Keyboard only: Tab to the start button, Enter; the send box then has the focus.
    for (let i = 0; i < 10 && (await page.evaluate<string | undefined>('document.activeElement?.id')) !== 'start'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await shows('Ik ben een computerprogramma, geen mens.');
    expect(await page.evaluate<boolean>(`document.activeElement?.matches('${SENDBOX}')`)).toBe(true);
    await page.keyboard.type('Hoe lang duurt de Onderwijs Challenge?');
    await page.keyboard.press('Enter');
    await shows(/vier maanden/);
    await shows(/Bron: /);

    // The qualification and the handoff: a button to click, or text to type, and what the bot then shows.
    const flow: [how: 'click' | 'type', what: string, then: string | RegExp][] = [
      ['type', 'Welke route past bij mij?', 'Wat wil je het liefst doen in het onderwijs?'],
      ['click', 'Lesgeven', 'Wat doe je nu?'],
      ['click', 'Ik werk in een andere sector', 'Wat is je hoogste diploma?'],
      ['click', 'Hbo', /Dit past goed bij jou/],
      ['click', 'Breng me in contact', 'Vind je dat goed?'],
      ['click', 'Ja, dat is goed', 'Hoe heet je?'],
      ['type', 'Sanne de Vries', /Hoe kunnen we je bereiken/],
      ['type', 'sanne@example.nl', /Wil je nog iets meegeven/],
      ['click', 'Nee, verstuur maar', /Je referentienummer is UL-[A-Z2-9]{6}\./],
    ];
    for (const [how, what, then] of flow) {
      await (how === 'click' ? click(what) : type(what));
      await shows(then);
    }

    const text = await chat().innerText();
    const reference = /UL-[A-Z2-9]{6}/.exec(text)?.[0];
    expect(reference).toBeDefined();
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth'), 'no sideways scrolling').toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.screenshot({ path: path.join(OUTPUT, 'webchat-conversation.png') });
  });

  it('announces new messages to screen readers', async () => {
    const live = await page.locator('#chat [aria-live]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-live')));
    expect(live).toContain('polite');
  });

  it('goes on after a restart of the bot, with the history still there', async () => {
    const before = await chat().innerText();
    const reference = /UL-[A-Z2-9]{6}/.exec(before)?.[0] ?? 'no reference';
    await service.close();
    service = await start();

    // The open page reconnects by itself (botframework-directlinejs waits 3 to 15 s before it tries).
    await type('Wat is Pedagogisch Verbinder?');
    await shows(/opleiding van 2 jaar op mbo-niveau 4/, 60_000);

    // A reload shows the whole conversation again.
    await page.reload();
    await shows(reference);
    await shows(/vier maanden/);
    expect(await page.locator('#intro').isHidden()).toBe(true);

    // The language switch keeps the conversation.
    await page.getByRole('link', { name: 'English' }).click();
    await shows(reference);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator(SENDBOX).getAttribute('placeholder')).toBe('Type your question');
  });

  it('is what another site embeds: a button that opens the chat page in a frame', async () => {
    const site = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'nl-NL' });
    try {
      await site.goto(hostUrl);
      const launcher = site.getByRole('button', { name: 'Chat met het onderwijsloket' });
      expect(await launcher.getAttribute('aria-expanded')).toBe('false');
      expect(await site.locator('iframe').count()).toBe(0);
      await launcher.focus();
      await site.keyboard.press('Enter');
      expect(await launcher.getAttribute('aria-expanded')).toBe('true');
      const frame = site.frameLocator('iframe[title="Chat met het onderwijsloket van Utrecht Leert"]');
      await frame.getByRole('button', { name: 'Start de chat' }).click();
      await frame.getByText('Ik ben een computerprogramma, geen mens.').first().waitFor({ timeout: 45_000 });
      expect(await seriousViolations(site)).toEqual([]);
      await site.screenshot({ path: path.join(OUTPUT, 'webchat-embedded.png') });
      await site.getByRole('button', { name: 'Sluit de chat' }).click();
      expect(await launcher.getAttribute('aria-expanded')).toBe('false');
      expect(await site.evaluate<string | undefined>('document.activeElement?.textContent'), 'the focus is back on the button').toBe('Chat met het onderwijsloket');
    } finally {
      await site.close();
    }
  });
});
