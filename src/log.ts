import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Callers pass ids, counts and timings only: never message text or personal data.
 * As a second line of defence, fields that could carry either are removed.
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { service: 'onderwijsloket-bot' },
      redact: { paths: ['text', '*.text', 'email', '*.email', 'phone', '*.phone', 'name', '*.name', 'body', '*.body'], remove: true },
    },
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}
