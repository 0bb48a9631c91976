import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** Whether one more is allowed for this key; when not, how many seconds until it is. */
export type RateLimit = (key: string) => Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }>;

/**
 * At most `points` per key in each window of `seconds` (rate-limiter-flexible, in memory: each instance counts on its
 * own). Keys live only in memory and only until their window ends. `points` 0 allows everything.
 */
export function createRateLimit(points: number, seconds: number): RateLimit {
  if (points === 0) return async () => ({ allowed: true });
  const limiter = new RateLimiterMemory({ points, duration: seconds });
  return async (key) => {
    try {
      await limiter.consume(key);
      return { allowed: true };
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
    }
  };
}
