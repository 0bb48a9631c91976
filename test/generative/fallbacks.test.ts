import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCircuitBreaker, createGenerative, createOpenAiChatModel, type CircuitBreaker, type Generative } from '../../src/generative/index.js';
import { createAnswerer, loadKnowledge, type Reply } from '../../src/knowledge/index.js';
import { createLogger } from '../../src/log.js';
import { faithful, FakeOpenAi, type ChatRequest } from '../support/fake-openai.js';
import { LogCapture } from '../support/service.js';

const QUESTION = 'Hoe lang duurt de Onderwijs Challenge?';
const OPEN_MS = 30_000;

/** The model behind its guards, against a local OpenAI-compatible server: what happens when it is slow or failing. */
describe('generative answers when the model service is slow or failing', () => {
  let fake: FakeOpenAi;
  let offline: Reply;
  let clock: number;
  let breaker: CircuitBreaker;
  let generative: Generative;
  const logs = new LogCapture();

  beforeAll(async () => {
    fake = await new FakeOpenAi().start();
    const knowledge = await loadKnowledge('knowledge');
    offline = createAnswerer(knowledge).answer({ text: QUESTION, fallbackLang: 'nl' });
    const model = createOpenAiChatModel({ apiKey: 'test-key', baseUrl: fake.url, model: 'test-model', timeoutMs: 300 });
    clock = 0;
    breaker = createCircuitBreaker({ failures: 3, openMs: OPEN_MS, now: () => clock });
    generative = createGenerative({ model, breaker, knowledge, logger: createLogger('info', logs) });
  });
  afterAll(async () => {
    await fake.stop();
  });
  beforeEach(() => {
    // Each test starts with a closed breaker: a success closes it.
    fake.script = faithful;
    clock += OPEN_MS + 1;
  });
  const ask = () => generative.answer(offline, QUESTION);

  it('uses a grounded answer when the service answers', async () => {
    const reply = await ask();
    expect(reply.generated).toBe(true);
    expect(breaker.state).toBe('closed');
  });

  it.each([
    // A good answer, but too late.
    ['a timeout', (request: ChatRequest) => ({ ...faithful(request), delayMs: 1500 })],
    ['a 429', () => ({ status: 429, headers: { 'retry-after': '1' } })],
    ['a 500', () => ({ status: 500 })],
  ])('falls back to the offline answer on %s', async (_name, script) => {
    fake.script = script;
    const before = fake.requests.length;
    expect(await ask()).toBe(offline);
    expect(fake.requests.length).toBe(before + 1);
  });

  it('opens the breaker at once on a rate limit, and closes it after a trial call', async () => {
    await ask();
    fake.script = () => ({ status: 429 });
    expect(await ask()).toBe(offline);
    expect(breaker.state).toBe('open');
    fake.script = faithful;
    const before = fake.requests.length;
    expect(await ask()).toBe(offline);
    expect(fake.requests.length, 'no call while open').toBe(before);

    clock += OPEN_MS + 1;
    expect(breaker.state).toBe('half-open');
    expect((await ask()).generated).toBe(true);
    expect(breaker.state).toBe('closed');
  });

  it('opens after three failures in a row, reopens on a failed trial, and closes on a good one', async () => {
    fake.script = () => ({ status: 500 });
    for (let i = 0; i < 3; i++) expect(await ask()).toBe(offline);
    expect(breaker.state).toBe('open');
    const before = fake.requests.length;
    for (let i = 0; i < 5; i++) expect(await ask()).toBe(offline);
    expect(fake.requests.length, 'a failing service is not hammered').toBe(before);

    clock += OPEN_MS + 1;
    expect(await ask()).toBe(offline);
    expect(fake.requests.length, 'one trial call').toBe(before + 1);
    expect(breaker.state).toBe('open');

    clock += OPEN_MS + 1;
    fake.script = faithful;
    expect((await ask()).generated).toBe(true);
    expect(breaker.state).toBe('closed');
  });

  it('logs what happened, never what was asked', () => {
    const outcomes = logs.lines.filter((l) => l.event === 'generative').map((l) => l.outcome);
    expect(outcomes).toEqual(expect.arrayContaining(['generated', 'timeout', 'rate_limited', 'failed', 'breaker_open']));
    expect(JSON.stringify(logs.lines)).not.toContain('Onderwijs Challenge');
  });
});
