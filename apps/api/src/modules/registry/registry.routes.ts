import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Employee, EmployeeContact, EmployeeInput, EmployeePatch, EmployeeQuery, ImportRun, Problem, pageOf, EMPLOYEE_TEMPLATE_COLUMNS } from '@netra/contracts';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { actorOf, requirePrincipal } from '../../platform/http.ts';
import { uploadName } from '../../platform/files.ts';
import { auditExport, createEmployee, exportEmployees, getEmployee, getEmployeeContact, listEmployees, updateEmployee } from './employees.service.ts';
import { writeCsv, writeXlsx } from './export-writers.ts';
import { assertMayImport, errorReportOf, getImportRun, runImport, startImportRun } from './import.service.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const Id = z.object({ id: z.uuid() });

export const registryRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  app.get('/employees', { schema: { tags: ['registry'], querystring: EmployeeQuery, response: { 200: pageOf(Employee), ...errors } } }, async (req) =>
    listEmployees(deps, requirePrincipal(req), req.query),
  );

  // the list's filters and order: the file holds what the screen shows, in its order, without the paging
  const ExportQuery = EmployeeQuery.omit({ page: true, pageSize: true }).extend({ format: z.enum(['csv', 'xlsx']).default('csv') });
  app.get('/employees/export', { schema: { tags: ['registry'], querystring: ExportQuery, produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] } }, async (req, reply) => {
    const p = requirePrincipal(req, 'registry.export');
    const { format, ...filters } = req.query;
    await auditExport(deps, actorOf(p), { format, filters });
    const out = new PassThrough();
    const rows = exportEmployees(deps, p, filters);
    void (format === 'csv' ? writeCsv(rows, out) : writeXlsx(rows, out)).catch((err: unknown) => {
      req.log.error({ err }, 'export failed');
      out.destroy(err as Error);
    });
    const stamp = deps.clock.now().toISOString().slice(0, 10);
    return reply
      .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="pegawai-${stamp}.${format}"`)
      .send(out);
  });

  app.get('/employees/:id', { schema: { tags: ['registry'], params: Id, response: { 200: Employee, ...errors } } }, async (req) =>
    getEmployee(deps, requirePrincipal(req), req.params.id),
  );
  app.get('/employees/:id/contact', { schema: { tags: ['registry'], summary: 'Protected personal data (audited read)', params: Id, response: { 200: EmployeeContact, ...errors } } }, async (req) =>
    getEmployeeContact(deps, requirePrincipal(req, 'registry.contact.read'), req.params.id),
  );
  app.post('/employees', { schema: { tags: ['registry'], body: EmployeeInput, response: { 201: Employee, ...errors } } }, async (req, reply) => {
    const p = requirePrincipal(req, 'registry.write');
    return reply.status(201).send(await createEmployee(deps, p, actorOf(p), req.body));
  });
  app.patch('/employees/:id', { schema: { tags: ['registry'], params: Id, body: EmployeePatch, response: { 200: Employee, ...errors } } }, async (req) => {
    const p = requirePrincipal(req, 'registry.write');
    return updateEmployee(deps, p, actorOf(p), req.params.id, req.body);
  });

  app.get('/templates/employees.csv', { schema: { tags: ['registry'], produces: ['text/csv'] } }, async (_req, reply) =>
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="templat-pegawai.csv"')
      .send(`${EMPLOYEE_TEMPLATE_COLUMNS.join(',')}\n198609262015051001,Budi Santoso,PNS,Camat,Kecamatan Bekasi Barat\n`),
  );

  const ImportQuery = z.object({ dryRun: z.enum(['true', 'false']).default('false'), skipInvalid: z.enum(['true', 'false']).default('false') });
  app.post('/agencies/:id/imports', {
    schema: { tags: ['registry'], summary: 'Upload a CSV/XLSX (multipart field "file"); poll GET /imports/{id}', consumes: ['multipart/form-data'], params: Id, querystring: ImportQuery, response: { 202: ImportRun, ...errors, 413: Problem } },
  }, async (req, reply) => {
    const p = requirePrincipal(req, 'registry.import');
    const agencyRegion = await assertMayImport(deps.db, p, req.params.id);
    if (!req.isMultipart()) throw invalid('MULTIPART_REQUIRED', { id: 'Unggah berkas sebagai multipart/form-data (kolom "file").', en: 'Upload the file as multipart/form-data (field "file").' });
    const file = await req.file();
    if (!file) throw invalid('FILE_MISSING', { id: 'Tidak ada berkas yang diunggah.', en: 'No file was uploaded.' });
    // Spool to a private temp file so the request can finish while the import runs.
    const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'netra-import-')), crypto.randomUUID());
    try {
      await pipeline(file.file, fs.createWriteStream(tmp, { mode: 0o600 }));
    } catch (e) {
      fs.rmSync(path.dirname(tmp), { recursive: true, force: true });
      throw e;
    }
    if (file.file.truncated) {
      fs.rmSync(path.dirname(tmp), { recursive: true, force: true });
      throw new AppError(413, 'PAYLOAD_TOO_LARGE', { id: 'Berkas terlalu besar.', en: 'File too large.' });
    }
    const options = { dryRun: req.query.dryRun === 'true', skipInvalid: req.query.skipInvalid === 'true' };
    const size = fs.statSync(tmp).size;
    const actor = actorOf(p);
    const fileName = uploadName(file.filename, 'upload');
    let runId: string;
    try {
      runId = await startImportRun(deps.db, { agencyId: req.params.id, actor, fileName, options, size });
    } catch (e) {
      fs.rmSync(path.dirname(tmp), { recursive: true, force: true });
      throw e;
    }
    void runImport(deps, { runId, agencyId: req.params.id, agencyRegion, actor, principal: p, source: { stream: fs.createReadStream(tmp), fileName, size }, options, errorReport: true })
      .catch((err: unknown) => req.log.error({ err, runId }, 'import crashed'))
      .finally(() => fs.rmSync(path.dirname(tmp), { recursive: true, force: true }));
    return reply.status(202).send(await getImportRun(deps, p, runId));
  });

  app.get('/imports/:id', { schema: { tags: ['registry'], params: Id, response: { 200: ImportRun, ...errors } } }, async (req) =>
    getImportRun(deps, requirePrincipal(req, 'registry.import'), req.params.id),
  );

  app.get('/imports/:id/errors.csv', {
    schema: { tags: ['registry'], summary: 'Every row error of an import run (the run lists the first ones)', params: Id, produces: ['text/csv'] },
  }, async (req, reply) => {
    const report = await errorReportOf(deps, requirePrincipal(req, 'registry.import'), req.params.id);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="kesalahan-impor-${req.params.id.slice(0, 8)}.csv"`)
      .send(report);
  });
};
