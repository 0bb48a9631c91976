import OpenAI from 'openai';

/** Why a model call gave nothing: the caller falls back to the offline answer at once. */
export class ModelError extends Error {
  override name = 'ModelError';
  constructor(
    readonly kind: 'timeout' | 'rate_limited' | 'failed',
    message: string,
    /** When the service said how long to wait (429 Retry-After). */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export interface ModelRequest {
  system: string;
  /** The data for this turn (question, passages or text), as one JSON document. */
  user: string;
  /** The JSON schema the answer must follow (structured output), with its name. */
  schema: { name: string; schema: Record<string, unknown> };
}

/** A chat model that answers with one JSON document, or throws a ModelError. */
export interface ChatModel {
  complete(request: ModelRequest): Promise<string>;
}

export interface OpenAiSettings {
  apiKey: string;
  /** Azure OpenAI (its OpenAI-compatible /openai/v1 endpoint) or another compatible server; default OpenAI. */
  baseUrl?: string;
  model: string;
  timeoutMs: number;
}

/**
 * The `openai` package, called directly (not through teams-ai's planner): one chat completion with a strict JSON
 * schema, no retries (a failure falls back to the offline answer, the circuit breaker decides about the next call),
 * and a hard timeout.
 */
export function createOpenAiChatModel({ apiKey, baseUrl, model, timeoutMs }: OpenAiSettings): ChatModel {
  const client = new OpenAI({ apiKey, ...(baseUrl ? { baseURL: baseUrl } : {}), timeout: timeoutMs, maxRetries: 0 });
  return {
    async complete({ system, user, schema }) {
      try {
        const completion = await client.chat.completions.create(
          {
            model,
            temperature: 0,
            messages: [
              { role: 'system', content: system },
              { role: 'user', content: user },
            ],
            response_format: { type: 'json_schema', json_schema: { name: schema.name, schema: schema.schema, strict: true } },
          },
          { signal: AbortSignal.timeout(timeoutMs) },
        );
        const content = completion.choices[0]?.message.content;
        if (!content) throw new ModelError('failed', 'the model gave no content');
        return content;
      } catch (error) {
        throw toModelError(error);
      }
    },
  };
}

function toModelError(error: unknown): ModelError {
  if (error instanceof ModelError) return error;
  // The only abort is the timeout's.
  if (error instanceof OpenAI.APIConnectionTimeoutError || error instanceof OpenAI.APIUserAbortError) {
    return new ModelError('timeout', 'the model did not answer in time');
  }
  if (error instanceof OpenAI.APIError && error.status === 429) {
    const seconds = Number(error.headers?.['retry-after']);
    return new ModelError('rate_limited', 'the model service limits the rate (429)', Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined);
  }
  if (error instanceof OpenAI.APIError) return new ModelError('failed', `the model service answered ${error.status ?? 'without a status'}`);
  return new ModelError('failed', error instanceof Error ? error.message : String(error));
}
