import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { Command, CommanderError, Option } from 'commander';
import { AgencyCreateInput, AgencyKind, ROLES, UserCreateInput } from '@netra/contracts';
import { z } from 'zod';
import { ConfigError, loadConfig } from './config.ts';
import { DataDirLockedError } from './db/client.ts';
import { prepareDatabase } from './db/bootstrap.ts';
import type { Deps } from './deps.ts';
import type { Actor } from './platform/audit.ts';
import { sealAudit, verifyAuditChain } from './platform/audit.ts';
import { AppError } from './platform/errors.ts';
import { createDeps, maybeLoadDemo, serve } from './server.ts';
import { createAgency, getAgency } from './modules/agencies/agencies.service.ts';
import { createUser } from './modules/auth/users.service.ts';
import { runImport, startImportRun } from './modules/registry/import.service.ts';
import { auditExport, exportEmployees } from './modules/registry/employees.service.ts';
import { writeCsv, writeXlsx } from './modules/registry/export-writers.ts';
import { loadDemo } from './modules/demo/demo.service.ts';
import { assessIncidents, importCandidates } from './modules/elections/elections.service.ts';
import { sweepDeadlines } from './modules/cases/cases.service.ts';
import { remakePdfCopies } from './modules/custody/custody.service.ts';
import type { Principal } from './modules/auth/domain/policy.ts';

const cliActor = (): Actor => ({ id: null, label: `cli:${os.userInfo().username}` });
const print = (s: string) => process.stdout.write(`${s}\n`);

/**
 * The import summary as one JSON object, in the documented shape. With `spool` (every row error as JSON
 * lines) the errors array lists them all, written a line at a time, and the count of unlisted ones goes.
 */
async function printJsonSummary(summary: Record<string, unknown>, spool: string | null) {
  if (!spool) return print(JSON.stringify(summary));
  const { errors: _listed, moreErrors: _more, ...rest } = summary;
  const write = (chunk: string) => (process.stdout.write(chunk) ? Promise.resolve() : new Promise<void>((r) => process.stdout.once('drain', () => r())));
  const head = JSON.stringify({ inserted: rest.inserted, updated: rest.updated, unchanged: rest.unchanged, rejected: rest.rejected });
  await write(`${head.slice(0, -1)},"errors":[`);
  let first = true;
  for await (const line of readline.createInterface({ input: fs.createReadStream(spool), crlfDelay: Infinity })) {
    if (!line) continue;
    await write(first ? line : `,${line}`);
    first = false;
  }
  const tail = JSON.stringify(Object.fromEntries(Object.entries(rest).filter(([k]) => !['inserted', 'updated', 'unchanged', 'rejected'].includes(k))));
  await write(`]${tail === '{}' ? '' : `,${tail.slice(1, -1)}`}}\n`);
}

class ExitCode extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

async function withDeps<T>(fn: (deps: Deps) => Promise<T>): Promise<T> {
  const deps = await createDeps({ ...loadConfig(), logLevel: 'warn' });
  try {
    await prepareDatabase(deps.db);
    return await fn(deps);
  } finally {
    // what this command wrote (even if it failed after committing part of it) is linked into the audit chain before it exits
    await sealAudit(deps.db, { wait: true }).catch((err: unknown) => deps.logger.error({ err }, 'audit sealing failed'));
    await deps.db.close();
  }
}

const program = new Command('netra').description('Netra: ASN neutrality registry, prevention and case handling').exitOverride();

program.command('serve').description('Run the API and web UI (same as npm start)').action(async () => {
  await serve(loadConfig());
});

program.command('migrate').description('Create or migrate the database and load region master data').action(async () => {
  await withDeps(async (deps) => print(`Database ${deps.db.kind} is up to date.`));
});

program
  .command('demo')
  .description('Load the demo Pemda (Kota Bekasi) and demo accounts into an empty database')
  .option('--employees <n>', 'number of synthetic employees', (v) => Number(v), 6000)
  .option('--force', 'load even if the database already has data')
  .action(async (o: { employees: number; force?: boolean }) => {
    await withDeps(async (deps) => {
      if (o.force) {
        const r = await loadDemo(deps, { employees: o.employees });
        print(`Demo loaded: ${r.employees} employees.`);
      } else if (!(await maybeLoadDemo({ ...deps, config: { ...deps.config, demo: 'true' } }, print))) {
        print('The database already has data; use --force to add the demo anyway.');
      }
    });
  });

/** The agency named by --agency: a malformed or unknown id is one clear error, never a database error. */
async function agencyOption(deps: Deps, id: string) {
  const unknown = new AppError(400, 'AGENCY_UNKNOWN', { id: `Instansi tidak dikenal: ${id}`, en: `Unknown agency: ${id}` });
  if (!z.uuid().safeParse(id).success) throw unknown;
  return getAgency(deps.db, 'system', id).catch((e: unknown) => {
    throw e instanceof AppError ? unknown : e;
  });
}

const imp = program.command('import').description('Import data');
imp
  .command('employees')
  .description('Import employees from a CSV or XLSX file (all-or-nothing unless --skip-invalid)')
  .argument('<file>', 'CSV or XLSX file; "-" reads standard input')
  .requiredOption('--agency <id>', 'agency id')
  .option('--skip-invalid', 'write the valid rows and list the invalid ones')
  .option('--dry-run', 'validate and count, write nothing')
  .option('--json', 'print the summary as JSON')
  .action((file: string, o: { agency: string; skipInvalid?: boolean; dryRun?: boolean; json?: boolean }) =>
    withDeps(async (deps) => {
      const agency = await agencyOption(deps, o.agency);
      // `npm run netra -- import employees f.csv` runs in the package root; npm passes the caller's directory as INIT_CWD
      const base = process.env.npm_lifecycle_event === 'netra' && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd();
      if (file !== '-') file = path.resolve(base, file);
      if (file !== '-' && !fs.existsSync(file)) throw new AppError(400, 'FILE_NOT_FOUND', { id: `Berkas tidak ditemukan: ${file}`, en: `File not found: ${file}` });
      const options = { dryRun: !!o.dryRun, skipInvalid: !!o.skipInvalid };
      const actor = cliActor();
      const size = file === '-' ? undefined : fs.statSync(file).size;
      const runId = await startImportRun(deps.db, { agencyId: agency.id, actor, fileName: path.basename(file), options, size });
      const stream = file === '-' ? process.stdin : fs.createReadStream(file);
      // --json lists every invalid row: when the summary's list is cut short, the rest stream through a private temp file
      const spool = o.json ? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'netra-cli-errors-')), 'errors.jsonl') : null;
      const errorSink = spool
        ? async (errors: AsyncIterable<unknown>) => {
            const out = fs.createWriteStream(spool, { mode: 0o600 });
            for await (const e of errors) if (!out.write(`${JSON.stringify(e)}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
            await new Promise((r, j) => out.end((err?: Error | null) => (err ? j(err) : r(null))));
          }
        : undefined;
      try {
        const res = await runImport(deps, { runId, agencyId: agency.id, agencyRegion: agency.regionCode, actor, principal: 'system', source: { stream, fileName: file, size }, options, ...(errorSink ? { errorSink } : {}) });
        const { newUnits = [], moreNewUnits = 0, ...summary } = res.summary ?? { inserted: 0, updated: 0, unchanged: 0, rejected: 0, errors: [] };
        // --json keeps the summary other tools read ({inserted, updated, unchanged, rejected, errors}); the units a file
        // creates are for the person at the terminal (and the web's import page)
        if (o.json) await printJsonSummary(res.failure ? { ...summary, failure: res.failure } : summary, spool && fs.existsSync(spool) ? spool : null);
        else if (res.failure) process.stderr.write(`Import failed: ${res.failure.message}\n`);
        else {
          print(`${options.dryRun ? '[dry run] ' : ''}inserted ${summary.inserted}, updated ${summary.updated}, unchanged ${summary.unchanged}, rejected ${summary.rejected}`);
          for (const e of summary.errors.slice(0, 200)) print(`  row ${e.row} ${e.column ?? ''} ${e.code}: ${e.message}`);
          const more = (summary.moreErrors ?? 0) + Math.max(0, summary.errors.length - 200);
          if (more > 0) print(`  ... ${more} more (use --json for all)`);
          if (newUnits.length) {
            print(`${res.status === 'rejected' || options.dryRun ? 'units this file would create' : 'units created'}: ${newUnits.length + moreNewUnits}`);
            for (const u of newUnits.slice(0, 200)) print(`  ${u.path} (row ${u.firstRow}, ${u.rows} row${u.rows === 1 ? '' : 's'})${u.suggestion ? ` - did you mean "${u.suggestion}"?` : ''}`);
          }
          if (res.status === 'rejected') print('Nothing was written. Fix the rows above or use --skip-invalid.');
        }
        if (res.failure) throw new ExitCode(2);
        if (res.status === 'rejected') throw new ExitCode(1);
      } finally {
        if (spool) fs.rmSync(path.dirname(spool), { recursive: true, force: true });
      }
    }),
  );

const exp = program.command('export').description('Export data');
exp
  .command('employees')
  .description('Export the registry to CSV or XLSX')
  .option('--agency <id>', 'limit to one agency')
  .addOption(new Option('--format <format>', 'file format').choices(['csv', 'xlsx']).default('csv'))
  .requiredOption('--out <file>', 'output file')
  .action((o: { agency?: string; format: 'csv' | 'xlsx'; out: string }) =>
    withDeps(async (deps) => {
      const all: Principal = { userId: '00000000-0000-0000-0000-000000000000', username: 'cli', displayName: 'CLI', grants: [{ id: 'cli', role: 'system_admin', regionCode: null, agencyId: null, unitId: null, unitIdPath: null, employeeId: null }] };
      const filters = o.agency ? { agencyId: (await agencyOption(deps, o.agency)).id } : {};
      const out = fs.createWriteStream(o.out);
      await auditExport(deps, cliActor(), { format: o.format, filters, out: path.basename(o.out) });
      const rows = exportEmployees(deps, all, filters);
      const n = o.format === 'csv' ? await writeCsv(rows, out) : await writeXlsx(rows, out);
      print(`Exported ${n} employees to ${o.out}`);
    }),
  );

const agency = program.command('agency').description('Agencies (instansi)');
agency
  .command('create')
  .requiredOption('--name <name>', 'agency name, e.g. "Pemerintah Kota Bekasi"')
  .requiredOption('--region <code>', 'Kemendagri region code, e.g. 32.75')
  .addOption(new Option('--kind <kind>', 'agency kind (inferred from the region when omitted)').choices(AgencyKind.options))
  .option('--json', 'print the new agency as JSON')
  .action((o: { name: string; region: string; kind?: AgencyKind; json?: boolean }) =>
    withDeps(async (deps) => {
      // the same rules as POST /agencies
      const input = AgencyCreateInput.safeParse({ name: o.name, regionCode: o.region.trim(), kind: o.kind });
      if (!input.success) {
        const why = input.error.issues.map((i) => `--${i.path.join('.') === 'regionCode' ? 'region' : i.path.join('.')}: ${i.message}`).join('; ');
        throw new AppError(400, 'VALIDATION_FAILED', { id: `Masukan tidak valid: ${why}`, en: `Invalid input: ${why}` });
      }
      const a = await createAgency(deps, 'system', cliActor(), input.data);
      print(o.json ? JSON.stringify(a) : `Created agency ${a.id} (${a.name}, ${a.regionName})`);
    }),
  );
type AgencyKind = (typeof AgencyKind.options)[number];

const user = program.command('user').description("Officials' accounts");
user
  .command('create')
  .requiredOption('--username <u>', 'username')
  .addOption(new Option('--role <role>', 'role').choices([...ROLES]).makeOptionMandatory())
  .option('--region <code>', 'scope: region subtree')
  .option('--agency <id>', 'scope: agency')
  .option('--unit <id>', 'scope: unit subtree (unit_admin)')
  .option('--employee <id>', 'employee record (employee role)')
  .option('--display-name <name>', 'display name')
  .option('--email <email>', 'e-mail for case notices')
  .option('--phone <phone>', 'phone (international form) for WhatsApp notices')
  .option('--password-stdin', 'read the password from standard input')
  .option('--json', 'print the new user as JSON')
  .action((o: { username: string; role: string; region?: string; agency?: string; unit?: string; employee?: string; displayName?: string; email?: string; phone?: string; passwordStdin?: boolean; json?: boolean }) =>
    withDeps(async (deps) => {
      if (!o.passwordStdin) throw new AppError(400, 'PASSWORD_REQUIRED', { id: 'Gunakan --password-stdin.', en: 'Use --password-stdin to give the password.' });
      const password = (await readStdin()).replace(/\r?\n$/, '');
      const parsed = UserCreateInput.safeParse({
        username: o.username, displayName: o.displayName ?? o.username, password, role: o.role,
        regionCode: o.region, agencyId: o.agency, unitId: o.unit, employeeId: o.employee, email: o.email, phone: o.phone,
      });
      if (!parsed.success) {
        const msg = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
        throw new AppError(400, 'VALIDATION_FAILED', { id: `Masukan tidak valid: ${msg}`, en: `Invalid input: ${msg}` });
      }
      const u = await createUser(deps, 'system', cliActor(), parsed.data);
      print(o.json ? JSON.stringify(u) : `Created user ${u.username} (${u.id})`);
    }),
  );

program
  .command('assess')
  .description('Assess incidents: reads one JSON object or an array from stdin, writes the result(s) as JSON')
  .action(async () => {
    const text = await readStdin();
    let input: unknown;
    try {
      input = JSON.parse(text);
    } catch (e) {
      throw new AppError(400, 'INPUT_NOT_JSON', { id: `Masukan bukan JSON: ${(e as Error).message}`, en: `Input is not JSON: ${(e as Error).message}` });
    }
    await withDeps(async (deps) => print(JSON.stringify(await assessIncidents(deps.db, input, deps.config.legalOptions), null, 2)));
  });

const imp2 = imp
  .command('candidates')
  .description('Import a KPU list for an election: parties, legislative candidates (DCT) or pairs')
  .argument('<file>', 'CSV or XLSX file')
  .requiredOption('--election <id>', 'election id, e.g. pemilu-2024')
  .addOption(new Option('--kind <kind>', 'what the file lists').choices(['party', 'legislative', 'pair']).makeOptionMandatory())
  .option('--skip-invalid', 'write the valid rows and list the invalid ones')
  .option('--dry-run', 'validate and count, write nothing')
  .option('--json', 'print the summary as JSON');
imp2.action(async (file: string, o: { election: string; kind: 'party' | 'legislative' | 'pair'; skipInvalid?: boolean; dryRun?: boolean; json?: boolean }) => {
  await withDeps(async (deps) => {
    if (!fs.existsSync(file)) throw new AppError(400, 'FILE_NOT_FOUND', { id: `Berkas tidak ditemukan: ${file}`, en: `File not found: ${file}` });
    const r = await importCandidates(deps, 'system', cliActor(), { electionId: o.election, kind: o.kind, stream: fs.createReadStream(file), dryRun: !!o.dryRun, skipInvalid: !!o.skipInvalid });
    const { status, ...summary } = r;
    if (o.json) print(JSON.stringify(summary));
    else {
      print(`inserted ${r.inserted}, updated ${r.updated}, ${r.replaced ? `replaced ${r.replaced}, ` : ''}unchanged ${r.unchanged}, rejected ${r.rejected}`);
      for (const e of r.errors.slice(0, 200)) print(`  row ${e.row} ${e.column} ${e.code}: ${e.message}`);
      for (const n of r.notices.slice(0, 200)) print(`  row ${n.row} ${n.code}: ${n.message}`);
    }
    if (status === 'rejected') throw new ExitCode(1);
  });
});

program
  .command('sweep')
  .description('Run the case deadline sweep once (warn before, escalate after; idempotent) — for cron')
  .option('--json', 'print the result as JSON')
  .action(async (o: { json?: boolean }) => {
    await withDeps(async (deps) => {
      const r = await sweepDeadlines(deps);
      print(o.json ? JSON.stringify(r) : `Sweep: ${r.scanned} cases near or past a deadline, ${r.warned} warnings, ${r.escalated} escalations.`);
    });
  });

const evidence = program.command('evidence').description('Evidence files');
evidence
  .command('remake-pdf-copies')
  .description('Rebuild the shareable copies of PDF evidence without embedded metadata (copies made before this version could keep photo GPS); withdraw those that cannot be made clean')
  .option('--json', 'print the counts as JSON')
  .action((o: { json?: boolean }) =>
    withDeps(async (deps) => {
      const r = await remakePdfCopies(deps, cliActor());
      print(o.json ? JSON.stringify(r) : `PDF copies rebuilt: ${r.remade}; withdrawn (only the sealed original remains): ${r.withdrawn}.`);
    }),
  );

const audit = program.command('audit').description('Audit trail');
audit
  .command('verify')
  .description('Verify the hash chain; exits non-zero and names the first broken entry')
  .option('--json', 'print the result as JSON')
  .action((o: { json?: boolean }) =>
    withDeps(async (deps) => {
      // seal what is committed first, so the walk covers every entry written so far
      await sealAudit(deps.db, { wait: true });
      const r = await verifyAuditChain(deps.db);
      const b = r.firstBroken;
      if (o.json) print(JSON.stringify(r));
      else if (r.ok) print(`Audit trail intact: ${r.checked} entries verified${r.pending ? ` (${r.pending} written meanwhile, not sealed yet)` : ''}${r.deferred ? `; ${r.deferred} anonymous reporters' entries join it when their day is over` : ''}.`);
      else print(`Audit trail BROKEN at ${b!.seq === null ? `chain position ${b!.position}` : `entry ${b!.seq} (chain position ${b!.position})`}: ${b!.reason} (${r.checked} entries verified before it).`);
      if (!r.ok) throw new ExitCode(1);
    }),
  );

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof ExitCode) process.exit(e.code);
  if (e instanceof CommanderError) process.exit(e.exitCode);
  if (e instanceof AppError) {
    process.stderr.write(`Error (${e.code}): ${e.msg.en}\n`);
    process.exit(e.status >= 500 ? 3 : 2);
  }
  if (e instanceof ConfigError || e instanceof DataDirLockedError) {
    process.stderr.write(`${e.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`Unexpected error: ${(e as Error).message}\n`);
  process.exit(3);
}
