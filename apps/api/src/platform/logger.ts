import { pino, type DestinationStream } from 'pino';

type ReqLike = { method?: string; url?: string; id?: string; routeOptions?: { url?: string } };

/**
 * Structured logs: ids and counts only, never personal data (STYLE.md habit 7). Requests are
 * logged by method and route pattern only: no client IP, port, user agent, query string or path
 * parameters (which can hold names searched for or a reporter's receipt code).
 */
export function createLogger(level: string, destination?: DestinationStream) {
  return pino(
    {
      level,
      serializers: {
        req: (req: ReqLike) => ({ method: req.method, route: req.routeOptions?.url ?? '(unmatched)' }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
      redact: {
        paths: ['req.headers', 'password', '*.password', 'secret', '*.secret'],
        remove: true,
      },
    },
    destination,
  );
}
export type Logger = ReturnType<typeof createLogger>;
