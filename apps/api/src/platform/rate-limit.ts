import type { FastifyInstance, FastifyRequest } from 'fastify';
import { tooMany, type Msg } from './errors.ts';

/**
 * Route options for a public endpoint used by a whole office from one NAT address: a tight limit
 * per key taken from the parsed body (e.g. the NIP) and a per-address ceiling sized for an office.
 * The per-key check runs as a preHandler, once the body is parsed and validated.
 */
export function perKeyLimit(app: FastifyInstance, opts: { perKeyMax: number; key: (body: unknown) => string; addressMax: number; message: Msg }) {
  const limit = app.createRateLimit({ max: opts.perKeyMax, timeWindow: '1 minute', keyGenerator: (req) => opts.key(req.body) });
  return {
    config: { rateLimit: { max: opts.addressMax, timeWindow: '1 minute' } },
    preHandler: async (req: FastifyRequest) => {
      const r = await limit(req);
      if (!r.isAllowed && r.isExceeded) throw tooMany('RATE_LIMITED', opts.message);
    },
  };
}
