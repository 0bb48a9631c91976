export interface CircuitBreaker {
  /** Whether a call may be made now (closed, or half-open for one trial call). */
  allows(): boolean;
  succeeded(): void;
  /** A failed call; `waitMs` for a rate limit: open at once, for at least that long. */
  failed(waitMs?: number): void;
  readonly state: 'closed' | 'open' | 'half-open';
}

export interface BreakerSettings {
  /** Failures in a row that open the breaker. */
  failures: number;
  /** How long it stays open before one trial call. */
  openMs: number;
  now?: () => number;
}

/**
 * Keeps a failing model service from being called on every turn: after `failures` failures in a row (or one rate
 * limit), no calls for `openMs`; then one trial call, which closes it again or reopens it.
 */
export function createCircuitBreaker({ failures, openMs, now = Date.now }: BreakerSettings): CircuitBreaker {
  let inARow = 0;
  let openUntil = 0;
  let trial = false;
  const open = (ms: number) => {
    openUntil = now() + ms;
    trial = false;
  };
  return {
    get state() {
      if (now() < openUntil) return 'open';
      return openUntil > 0 ? 'half-open' : 'closed';
    },
    allows() {
      const state = this.state;
      if (state === 'closed') return true;
      if (state === 'open' || trial) return false;
      trial = true;
      return true;
    },
    succeeded() {
      inARow = 0;
      openUntil = 0;
      trial = false;
    },
    failed(waitMs) {
      inARow += 1;
      if (waitMs !== undefined) open(Math.max(waitMs, openMs));
      else if (inARow >= failures || trial) open(openMs);
    },
  };
}
