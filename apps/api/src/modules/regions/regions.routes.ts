import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Problem, Region, RegionCode, RegionList, RegionQuery } from '@netra/contracts';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../platform/errors.ts';
import { getRegion, listRegions } from './regions.service.ts';

export const regionRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  app.get('/regions', {
    schema: { tags: ['regions'], summary: 'Kemendagri regions (public)', querystring: RegionQuery, response: { 200: RegionList, 400: Problem } },
  }, async (req) => listRegions(deps.db, req.query));

  app.get('/regions/:code', {
    schema: { tags: ['regions'], params: z.object({ code: RegionCode }), response: { 200: Region, 404: Problem } },
  }, async (req) => (await getRegion(deps.db, req.params.code)) ?? Promise.reject(notFound('Wilayah / Region', req.params.code)));
};
