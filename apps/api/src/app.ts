import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyError, type FastifyReply } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { LIMITS } from '@netra/contracts';
import { z } from 'zod';
import type { Deps } from './deps.ts';
import { AppError, type FieldError } from './platform/errors.ts';
import { findNul, issueMessageId } from './platform/input-checks.ts';
import { SESSION_COOKIE } from './platform/http.ts';
import { authenticate } from './modules/auth/auth.service.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { userRoutes } from './modules/auth/users.routes.ts';
import { regionRoutes } from './modules/regions/regions.routes.ts';
import { agencyRoutes } from './modules/agencies/agencies.routes.ts';
import { registryRoutes } from './modules/registry/registry.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { electionRoutes } from './modules/elections/elections.routes.ts';
import { tipRoutes } from './modules/tips/tips.routes.ts';
import { caseRoutes } from './modules/cases/cases.routes.ts';
import { custodyRoutes } from './modules/custody/custody.routes.ts';
import { pledgeRoutes } from './modules/pledges/pledges.routes.ts';
import { conflictRoutes } from './modules/conflicts/conflicts.routes.ts';
import { socializationRoutes } from './modules/socialization/socialization.routes.ts';

export const API_VERSION = '0.1.0';

/** Builds the HTTP app (plugins + routes); never listens. */
export async function buildApp(deps: Deps, opts: { serveWeb?: boolean } = {}) {
  /** A GET of one of the app's own pages (not the API, not a file such as /assets/x.js): answered with the app shell. */
  const isWebPage = (req: { url: string; method: string }) => {
    const pathname = req.url.split('?')[0]!;
    return Boolean(opts.serveWeb) && req.method === 'GET' && !pathname.startsWith('/api/') && !pathname.startsWith('/assets/') && !/\.[a-z0-9]+$/i.test(pathname);
  };
  const app = Fastify({
    loggerInstance: deps.logger,
    bodyLimit: LIMITS.jsonBodyBytes,
    trustProxy: false,
    // random request ids: Fastify's default counter would date, to the second, the anonymous requests
    // that are never logged (the gaps between logged ids)
    genReqId: () => crypto.randomUUID(),
    // a long path value reaches validation and gets its 400 problem (the router's own limit of 100 answers a bare 414)
    routerOptions: { maxParamLength: 2048 },
    // an address that cannot be decoded (%E0%A4%A): a page gets the app, which says the link is not valid; the API a problem
    frameworkErrors: (error, req, raw) => {
      const reply = raw as unknown as FastifyReply;
      // before routing: no reply decorators yet, so the shell is read here (a rebuilt UI is served without a restart)
      if (error.code === 'FST_ERR_BAD_URL' && isWebPage(req))
        return void reply.type('text/html; charset=utf-8').send(fs.readFileSync(path.join(deps.config.webDist, 'index.html')));
      const bad = error.code === 'FST_ERR_BAD_URL';
      void reply.status(400).type('application/problem+json').send(problemBody(400, bad ? 'BAD_URL' : (error.code ?? 'BAD_REQUEST').replace(/^FST_(ERR_)?/, ''),
        bad ? { id: 'Alamat tidak dapat dibaca (kode % tidak valid). Periksa tautan yang Anda buka.', en: 'The address cannot be read (invalid % encoding). Check the link you opened.' }
          : { id: `Permintaan tidak valid (${error.message})`, en: `Bad request: ${error.message}` }));
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:', 'blob:'], styleSrc: ["'self'", "'unsafe-inline'"], scriptSrc: ["'self'"] },
    },
  });
  // gzip/brotli for text (API JSON, HTML, JS, CSS): the public report page must load on a slow phone connection
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: LIMITS.importFileBytes, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Netra API', version: API_VERSION, description: 'ASN neutrality: registry, prevention, reports and cases.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  // API answers carry personal data, tip conversations and case files: no browser or proxy keeps them
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });

  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    req.auth = token ? await authenticate(deps, token) : null;
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(req.method);
    if (unsafe && req.auth && req.url.startsWith('/api/') && req.headers['x-csrf-token'] !== req.auth.csrfToken) {
      throw new AppError(403, 'CSRF_TOKEN_INVALID', {
        id: 'Token CSRF tidak ada atau salah; muat ulang halaman.',
        en: 'Missing or wrong CSRF token; reload the page.',
      });
    }
  });

  // PostgreSQL text cannot hold U+0000: refuse it at the boundary, naming the field, before any service runs
  app.addHook('preValidation', async (req, reply) => {
    const where = findNul(req.params, 'params') ?? findNul(req.query, 'querystring') ?? findNul(req.body, 'body');
    // a page address (a mangled QR scan or link) gets the app, which says the link is not valid
    if (where && isWebPage(req)) return reply.sendFile('index.html');
    if (where)
      throw new AppError(400, 'VALIDATION_FAILED', { id: `Masukan tidak valid: ${where} memuat karakter NUL (\\u0000)`, en: `Invalid input: ${where} contains a NUL character (\\u0000)` }, [
        { path: where, message: 'contains a NUL character', messageId: 'memuat karakter NUL' },
      ]);
  });

  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    const problem = toProblem(err);
    if (problem.status >= 500) req.log.error({ err }, 'unhandled error');
    // the database refused a value validation let through: worth a schema fix (the code only; the message may quote the value)
    else if (problem.code === 'INVALID_VALUE' || problem.code === 'ALREADY_EXISTS') req.log.warn({ sqlState: (err as { code?: unknown }).code, route: req.routeOptions.url }, 'value refused by the database');
    void reply.status(problem.status).type('application/problem+json').send(problem);
  });
  app.setNotFoundHandler((req, reply) => {
    // client-side routes get the app shell; a missing file (e.g. a stale /assets/*.js) is a real 404
    if (isWebPage(req)) return reply.sendFile('index.html');
    void reply.status(404).type('application/problem+json').send(
      problemBody(404, 'ROUTE_NOT_FOUND', { id: `Alamat tidak ditemukan: ${req.method} ${req.url.split('?')[0]}`, en: `No such endpoint: ${req.method} ${req.url.split('?')[0]}` }),
    );
  });

  app.get('/api/v1/health', {
    schema: { tags: ['system'], response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['embedded', 'postgres']) }) } },
  }, async () => {
    await deps.db.query('SELECT 1');
    return { status: 'ok' as const, database: deps.db.kind };
  });

  await app.register(async (api) => {
    await api.register(authRoutes(deps));
    await api.register(userRoutes(deps));
    await api.register(regionRoutes(deps));
    await api.register(agencyRoutes(deps));
    await api.register(registryRoutes(deps));
    await api.register(auditRoutes(deps));
    await api.register(electionRoutes(deps));
    await api.register(tipRoutes(deps));
    await api.register(caseRoutes(deps));
    await api.register(custodyRoutes(deps));
    await api.register(pledgeRoutes(deps));
    await api.register(conflictRoutes(deps));
    await api.register(socializationRoutes(deps));
  }, { prefix: '/api/v1' });

  if (opts.serveWeb) {
    const root = deps.config.webDist;
    if (!fs.existsSync(path.join(root, 'index.html'))) throw new Error(`Web UI not built: ${root}/index.html is missing (run npm run build).`);
    // wildcard: files are looked up on each request, so a rebuilt UI is served without a restart
    await app.register(fastifyStatic, {
      root,
      wildcard: true,
      index: false,
      // hashed build assets never change: let phones cache them for a year
      setHeaders: (res, filePath) => {
        if (filePath.includes(`${path.sep}assets${path.sep}`)) res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  return app;
}

function problemBody(status: number, code: string, message: { id: string; en: string }, errors?: FieldError[]) {
  return {
    type: `https://netra.example/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: code,
    status,
    code,
    detail: message.en,
    message,
    ...(errors ? { errors } : {}),
  };
}

/** Fastify's own 4xx errors, in both languages. */
const FRAMEWORK_MESSAGES: Record<string, { id: string; en: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { id: 'Isi permintaan bukan JSON yang valid.', en: 'The request body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { id: 'Isi permintaan JSON kosong.', en: 'The JSON request body is empty.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { id: 'Panjang isi permintaan tidak sesuai dengan header Content-Length.', en: 'The request body does not match its Content-Length header.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { id: 'Berkas atau permintaan terlalu besar.', en: 'File or request too large.' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { id: 'Permintaan ini harus dikirim sebagai multipart/form-data.', en: 'This request must be sent as multipart/form-data.' },
};

/** The messages busboy (behind @fastify/multipart) throws for a body that is not well-formed multipart. */
const MULTIPART_BROKEN = /^(Multipart: Boundary not found|Unexpected end of (form|multipart data|file)|Part terminated early|Malformed (part header|content type|urlencoded form)|Unsupported content type)/;

function toProblem(err: FastifyError | AppError) {
  if (err instanceof AppError) return problemBody(err.status, err.code, err.msg, err.fieldErrors);
  const fe = err as FastifyError & { validation?: { keyword?: string; instancePath?: string; message?: string; params?: Record<string, unknown> }[] };
  if (fe.validation) {
    const issues = fe.validation.map((v) => {
      const path = `${fe.validationContext ?? ''}${v.instancePath ?? ''}`.replace(/\//g, '.') || (fe.validationContext ?? '');
      const message = v.message ?? 'invalid';
      // fastify-type-provider-zod keeps the zod issue as keyword (its code) + params (the rest)
      const issue = { ...(v.params ?? {}), code: v.keyword, message } as Parameters<typeof issueMessageId>[0];
      return { path, message, messageId: issueMessageId(issue, message) };
    });
    const summary = (k: 'message' | 'messageId') => issues.map((e) => `${e.path}: ${e[k]}`).join('; ');
    return problemBody(400, 'VALIDATION_FAILED', { id: `Masukan tidak valid: ${summary('messageId')}`, en: `Invalid input: ${summary('message')}` }, issues);
  }
  // a value the database refuses (out-of-range date, text it cannot store) that slipped past validation is the caller's
  // input, not a server fault: class 22 "data exception" (https://www.postgresql.org/docs/current/errcodes-appendix.html)
  const sqlState = (err as { code?: unknown }).code;
  // a uniqueness race a service did not name itself: the record exists (two submissions crossed)
  if (sqlState === '23505')
    return problemBody(409, 'ALREADY_EXISTS', { id: 'Data yang sama baru saja dicatat; muat ulang untuk melihatnya.', en: 'The same record was just recorded; reload to see it.' });
  if (typeof sqlState === 'string' && /^22[0-9A-Z]{3}$/.test(sqlState))
    return problemBody(400, 'INVALID_VALUE', { id: 'Salah satu nilai dalam permintaan tidak valid (tanggal, angka atau teks di luar batas).', en: 'A value in the request is not valid (a date, number or text out of range).' });
  // a broken multipart body (no boundary, cut off mid-part): the upload parser throws plain errors without a status
  if (!fe.statusCode && MULTIPART_BROKEN.test(fe.message ?? ''))
    return problemBody(400, 'MULTIPART_MALFORMED', { id: 'Unggahan rusak atau terpotong (multipart/form-data tidak lengkap); kirim ulang berkasnya.', en: 'The upload is malformed or cut off (incomplete multipart/form-data); send the file again.' });
  const status = fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500 ? fe.statusCode : 500;
  if (status === 413 || fe.code === 'FST_REQ_FILE_TOO_LARGE')
    return problemBody(413, 'PAYLOAD_TOO_LARGE', { id: 'Berkas atau permintaan terlalu besar.', en: 'File or request too large.' });
  if (status === 429) return problemBody(429, 'RATE_LIMITED', { id: 'Terlalu banyak permintaan; coba lagi sebentar lagi.', en: 'Too many requests; try again shortly.' });
  if (status === 415) return problemBody(415, 'UNSUPPORTED_MEDIA_TYPE', { id: 'Jenis konten tidak didukung.', en: 'Unsupported content type.' });
  if (status < 500) {
    const known = FRAMEWORK_MESSAGES[fe.code ?? ''];
    const code = (fe.code ?? 'BAD_REQUEST').replace(/^FST_/, '').replace(/^ERR_/, '');
    return problemBody(status, code, known ?? { id: `Permintaan tidak valid (${fe.message})`, en: `Bad request: ${fe.message}` });
  }
  return problemBody(500, 'INTERNAL_ERROR', { id: 'Terjadi kesalahan pada server; sudah dicatat.', en: 'Server error; it has been logged.' });
}
