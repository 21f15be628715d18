import { pino } from 'pino';

/** Structured logs: ids and counts only, never personal data (STYLE.md habit 7). */
export function createLogger(level: string) {
  return pino({
    level,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'password', '*.password'],
      remove: true,
    },
  });
}
export type Logger = ReturnType<typeof createLogger>;
