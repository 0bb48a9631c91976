import { maskContactDetails, type Profile } from '../dialogs/index.js';
import type { Knowledge, Reply } from '../knowledge/index.js';
import type { Logger } from '../log.js';
import { ModelError, type ChatModel, type ModelRequest } from './chat-model.js';
import type { CircuitBreaker } from './circuit-breaker.js';
import { groundedRequest, mayRewrite } from './grounded-answer.js';
import { profileRequest, readExtractedProfile } from './profile-extraction.js';

/** What a language model adds when one is configured; without one, the bot is exactly the offline bot. */
export interface Generative {
  /** The reply in the model's words, grounded in its facts; the same reply when the model is absent, slow or wrong. */
  answer(reply: Reply, question: string): Promise<Reply>;
  /** What the model reads of a free-text profile: only valid fields, none when it cannot. */
  profile(text: string): Promise<Profile>;
}

export interface GenerativeDeps {
  model: ChatModel;
  breaker: CircuitBreaker;
  knowledge: Pick<Knowledge, 'topicById'>;
  logger: Logger;
}

/**
 * The model behind guards: a call is made only while the circuit breaker allows it; a timeout, rate limit or error
 * falls back at once; what comes back is validated, and discarded when it does not hold. The person's text goes out
 * with e-mail addresses and phone numbers masked. Logs say what happened, never what was said.
 */
export function createGenerative({ model, breaker, knowledge, logger }: GenerativeDeps): Generative {
  const call = async (purpose: 'answer' | 'profile', request: ModelRequest): Promise<string | undefined> => {
    if (!breaker.allows()) {
      logger.info({ event: 'generative', purpose, outcome: 'breaker_open' }, 'model skipped: circuit open');
      return undefined;
    }
    const started = performance.now();
    try {
      const output = await model.complete(request);
      breaker.succeeded();
      return output;
    } catch (error) {
      const failure = error instanceof ModelError ? error : new ModelError('failed', String(error));
      breaker.failed(failure.kind === 'rate_limited' ? (failure.retryAfterMs ?? 0) : undefined);
      logger.warn({ event: 'generative', purpose, outcome: failure.kind, breaker: breaker.state, ms: Math.round(performance.now() - started), err: failure.message }, 'model failed: offline');
      return undefined;
    }
  };

  return {
    async answer(reply, question) {
      if (!mayRewrite(reply)) return reply;
      const started = performance.now();
      const grounded = groundedRequest(reply, maskContactDetails(question), knowledge);
      const output = await call('answer', grounded.request);
      if (output === undefined) return reply;
      const result = grounded.read(output);
      const ms = Math.round(performance.now() - started);
      if (!result.ok) {
        logger.warn({ event: 'generative', purpose: 'answer', outcome: 'discarded', reason: result.reason, ms }, 'generated answer discarded: offline');
        return reply;
      }
      logger.info({ event: 'generative', purpose: 'answer', outcome: 'generated', citations: result.reply.citations.length, ms }, 'generated answer');
      return result.reply;
    },

    async profile(text) {
      const output = await call('profile', profileRequest(maskContactDetails(text)));
      if (output === undefined) return {};
      const profile = readExtractedProfile(output);
      logger.info({ event: 'generative', purpose: 'profile', outcome: profile ? 'read' : 'discarded', fields: Object.keys(profile ?? {}) }, 'profile read by the model');
      return profile ?? {};
    },
  };
}
