import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import exifr from 'exifr';
import sharp from 'sharp';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFString, decodePDFRawStream } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, SYSTEM, TestClock, addUser, freshDb, makeDeps, multipart, signIn, type TestApp } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import type { Deps } from '../../deps.ts';
import { loadMasterKey } from '../../platform/keys.ts';
import { remakePdfCopies } from './custody.service.ts';
import { sealAudit } from '../../platform/audit.ts';
import { listMigrations, splitStatements } from '../../db/migrate.ts';
import { seal } from './custody.store.ts';
import { handOverTipEvidence } from './handover.ts';

/** 09:17:42.123 WIB on Friday 20 Nov 2026; the local day began at 17:00 UTC the day before. */
const NOW = new Date('2026-11-20T02:17:42.123Z');
const DAY_START = '2026-11-19T17:00:00.000Z';
const MiB = 2 ** 20;

/** Every string a PDF holds: dictionaries, decoded streams, and the raw bytes of streams it cannot decode (JPEG). */
function pdfText(doc: PDFDocument): string {
  return doc.context.enumerateIndirectObjects().map(([, o]) => {
    if (!(o instanceof PDFRawStream)) return o.toString();
    let body: Uint8Array;
    try {
      body = decodePDFRawStream(o).decode();
    } catch {
      body = o.getContents();
    }
    return `${o.dict.toString()}\n${Buffer.from(body).toString('latin1')}`;
  }).join('\n');
}
const jpegsOf = (doc: PDFDocument) =>
  doc.context.enumerateIndirectObjects().flatMap(([, o]) => (o instanceof PDFRawStream && o.dict.lookup(PDFName.of('Filter'))?.toString() === '/DCTDecode' ? [Buffer.from(o.getContents())] : []));

describe.each(DB_KINDS)('evidence safety on %s', (kind) => {
  let deps: Deps;
  let app: TestApp;
  let drop: () => Promise<void>;
  let s: Awaited<ReturnType<typeof signIn>>;
  let receipt: { receiptCode: string; secret: string };
  let tipId: string;
  let caseId: string;
  let gpsPhoto: Buffer;
  const clock = new TestClock(NOW);
  let ip = 0;

  beforeAll(async () => {
    const f = await freshDb(kind);
    drop = f.drop;
    deps = makeDeps(f.db, clock);
    await addUser(deps, 'bawaslu.kota', 'supervisor', { regionCode: '32.75' });
    app = await buildApp(deps);
    s = await signIn(app, 'bawaslu.kota');
    receipt = (await app.inject({ method: 'POST', url: '/api/v1/public/tips', payload: { what: 'Lurah membagikan kalender bergambar calon di balai kelurahan.', regionCode: '32.75.01' } })).json();
    tipId = (await app.inject({ method: 'GET', url: '/api/v1/tips', ...s })).json().items[0].id;
    caseId = (await openCase('Temuan pengawas kelurahan')).id;
    gpsPhoto = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'SecretPhone', Model: 'Reporter X1' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 14/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '106/1 59/1 0/1' } })
      .toBuffer();
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const openCase = async (title: string) => {
    const r = await app.inject({ method: 'POST', url: '/api/v1/cases/findings', ...s, payload: { electionId: 'pemilu-2024', regionCode: '32.75', title, summary: 'Uraian temuan pengawas kelurahan.' } });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { id: string };
  };
  // each public request from its own address, so the per-address rate limit never decides a test
  const fromNextAddress = () => ({ remoteAddress: `198.51.100.${++ip % 250}` });
  const toTip = (name: string, type: string, data: Buffer) =>
    app.inject({ method: 'POST', url: '/api/v1/public/tips/evidence', ...fromNextAddress(), ...multipart(receipt, { name, type, data }) });
  /** A handler's request with a body of its own (the session's CSRF header kept beside the body's content type). */
  const asHandler = (body: { payload: Buffer | Readable; headers: Record<string, string> }) => ({ cookies: s.cookies, payload: body.payload, headers: { ...s.headers, ...body.headers } });
  const toCase = (id: string, name: string, type: string, data: Buffer) => app.inject({ method: 'POST', url: `/api/v1/cases/${id}/evidence`, ...asHandler(multipart({}, { name, type, data })) });
  const tipEvidence = async () => (await app.inject({ method: 'GET', url: `/api/v1/tips/${tipId}/evidence`, ...s })).json().items as { id: string; fileName: string; copy: string; receivedAt: string; mime: string }[];
  const count = async () => (await deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM evidence')).rows[0]!.n;
  const filesOnDisk = () => ['sealed', 'shared', 'tmp'].flatMap((d) => (fs.existsSync(path.join(deps.config.evidenceDir, d)) ? fs.readdirSync(path.join(deps.config.evidenceDir, d)) : []));

  /** A multipart body streamed without holding it in memory: fields, then an MP4 of `size` bytes. */
  function bigMultipart(fields: Record<string, string>, size: number) {
    const b = '----netra-big';
    const head = Buffer.concat([
      ...Object.entries(fields).map(([k, v]) => Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)),
      Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="video.mp4"\r\nContent-Type: video/mp4\r\n\r\n`),
    ]);
    const ftyp = Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex');
    const zeros = Buffer.alloc(MiB);
    async function* body() {
      yield head;
      yield ftyp;
      let left = size - ftyp.length;
      while (left > 0) {
        const n = Math.min(left, zeros.length);
        yield n === zeros.length ? zeros : zeros.subarray(0, n);
        left -= n;
      }
      yield Buffer.from(`\r\n--${b}--\r\n`);
    }
    return { payload: Readable.from(body()), headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
  }

  it('refuses a file over 200 MiB with 413 on both routes and keeps nothing of it (no row, no sealed file)', { timeout: 120_000 }, async () => {
    const before = await count();
    const files = filesOnDisk().length;
    const over = 200 * MiB + 4096;
    const viaTip = await app.inject({ method: 'POST', url: '/api/v1/public/tips/evidence', ...fromNextAddress(), ...bigMultipart(receipt, over) });
    expect(viaTip.statusCode, viaTip.body).toBe(413);
    expect(viaTip.json().code).toBe('EVIDENCE_TOO_LARGE');
    const viaCase = await app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/evidence`, ...asHandler(bigMultipart({}, over)) });
    expect(viaCase.statusCode, viaCase.body).toBe(413);
    expect(viaCase.json().code).toBe('EVIDENCE_TOO_LARGE');
    expect(await count()).toBe(before);
    expect(filesOnDisk().length).toBe(files);
    expect((await deps.db.query("SELECT 1 FROM audit_events WHERE action = 'evidence.received'")).rowCount).toBe(0);
  });

  it('rebuilds a PDF copy without the EXIF GPS/device of its photos, its XMP, document info or attachments', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([300, 300]);
    page.drawImage(await doc.embedJpg(gpsPhoto), { x: 10, y: 10, width: 64, height: 48 });
    page.drawText('Foto kegiatan di balai kelurahan', { x: 10, y: 200, size: 12 });
    doc.setAuthor('Siti Pelapor');
    doc.context.lookup(doc.context.trailerInfo.Info, PDFDict).set(PDFName.of('Company'), PDFString.of('Kantor Pelapor Rahasia'));
    page.node.set(PDFName.of('Metadata'), doc.context.register(doc.context.stream('<x:xmpmeta>Dibuat di SecretPhone milik pelapor</x:xmpmeta>', { Type: 'Metadata', Subtype: 'XML' })));
    await doc.attach(Buffer.from('Nama: Siti Pelapor, HP 0812-0000-1111'), 'identitas.txt', { mimeType: 'text/plain' });
    const pdf = Buffer.from(await doc.save());
    // the original really carries all of it
    const inOriginal = await PDFDocument.load(pdf);
    expect(await exifr.gps(jpegsOf(inOriginal)[0]!)).toMatchObject({ latitude: expect.closeTo(-6.2333, 3) });

    const res = await toTip('surat.pdf', 'application/pdf', pdf);
    expect(res.statusCode, res.body).toBe(201);
    const item = (await tipEvidence()).find((e) => e.id === res.json().id)!;
    expect(item.copy).toBe('stripped');
    const copy = await app.inject({ method: 'GET', url: `/api/v1/evidence/${item.id}/copy`, ...s });
    expect(copy.statusCode).toBe(200);
    expect(copy.headers['content-type']).toBe('application/pdf');
    const back = await PDFDocument.load(copy.rawPayload);
    expect(back.getPageCount()).toBe(1);
    const text = pdfText(back);
    for (const secret of ['SecretPhone', 'Reporter X1', 'Siti Pelapor', 'Kantor Pelapor Rahasia', 'identitas.txt', 'xmpmeta']) expect(text).not.toContain(secret);
    const jpegs = jpegsOf(back);
    expect(jpegs).toHaveLength(1);
    expect(await exifr.parse(jpegs[0]!, { gps: true, tiff: true, exif: true }).catch(() => undefined)).toBeUndefined();
    expect(await sharp(jpegs[0]!).metadata()).toMatchObject({ width: 64, height: 48, channels: 3 });
  });

  it('offers no copy where none free of location/device data can be made: a CMYK photo in a PDF, a video; a text file is its own copy', async () => {
    const cmyk = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#39c' } }).toColourspace('cmyk').jpeg()
      .withExif({ IFD0: { Make: 'SecretPhone' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 14/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '106/1 59/1 0/1' } }).toBuffer();
    const doc = await PDFDocument.create();
    doc.addPage([200, 200]).drawImage(await doc.embedJpg(cmyk), { x: 0, y: 0, width: 40, height: 30 });
    const pdf = await toTip('cetak.pdf', 'application/pdf', Buffer.from(await doc.save()));
    const video = await toTip('rekaman.mp4', 'video/mp4', Buffer.concat([Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex'), Buffer.alloc(2000, 1)]));
    const note = await toTip('catatan.txt', 'text/plain', Buffer.from('Kalender dibagikan setelah pengajian, sekitar pukul sembilan.'));
    for (const r of [pdf, video, note]) expect(r.statusCode, r.body).toBe(201);
    const list = await tipEvidence();
    const copyOf = (id: string) => list.find((e) => e.id === id)!.copy;
    expect([copyOf(pdf.json().id), copyOf(video.json().id), copyOf(note.json().id)]).toEqual(['none', 'none', 'original']);
    for (const id of [pdf.json().id, video.json().id]) {
      const r = await app.inject({ method: 'GET', url: `/api/v1/evidence/${id}/copy`, ...s });
      expect(r.statusCode).toBe(409);
      expect(r.json().code).toBe('EVIDENCE_NO_COPY');
      const original = await app.inject({ method: 'POST', url: `/api/v1/evidence/${id}/original`, ...s, payload: { reason: 'Pemeriksaan berkas asli untuk kajian' } });
      expect(original.statusCode).toBe(200);
    }
    const text = await app.inject({ method: 'GET', url: `/api/v1/evidence/${note.json().id}/copy`, ...s });
    expect(text.statusCode).toBe(200);
    expect(text.body).toContain('pengajian');
  });

  it('keeps and serves a file under the extension of what it really is; markup anywhere in a text file is refused', async () => {
    const evil = await toTip('catatan.html', 'text/html', Buffer.from(`${'a'.repeat(5000)}<script>alert(document.cookie)</script>`));
    expect(evil.statusCode, evil.body).toBe(400);
    expect(evil.json().code).toBe('EVIDENCE_TYPE_NOT_ALLOWED');
    const note = await toTip('catatan.html', 'text/html', Buffer.from('Catatan tanpa markah, hanya teks biasa.'));
    const exe = await toTip('photo.exe', 'application/octet-stream', gpsPhoto);
    const svg = await toCase(caseId, 'foto.svg', 'image/svg+xml', gpsPhoto);
    expect([note.statusCode, exe.statusCode, svg.statusCode], `${note.body} ${exe.body} ${svg.body}`).toEqual([201, 201, 201]);
    expect([note.json().fileName, exe.json().fileName, svg.json().fileName]).toEqual(['catatan.txt', 'photo.jpg', 'foto.jpg']);
    // what the anonymous sender named a file is not kept: handlers see "bukti" with the real type's extension
    const names = (await tipEvidence()).map((e) => e.fileName);
    expect(names).toEqual(expect.arrayContaining(['bukti.txt', 'bukti.jpg']));
    expect(names).not.toContain('photo.jpg');
    for (const [id, name] of [[note.json().id, 'bukti.txt'], [exe.json().id, 'bukti.jpg'], [svg.json().id, 'foto.jpg']] as const) {
      const r = await app.inject({ method: 'GET', url: `/api/v1/evidence/${id}/copy`, ...s });
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-disposition']).toBe(`attachment; filename="${name}"`);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(String(r.headers['content-type'])).not.toMatch(/html|svg|xml/);
    }
    // a file kept under a misleading name before this rule is still downloaded under its real type
    await deps.db.query("UPDATE evidence SET file_name = 'lama.html' WHERE id = $1", [note.json().id]);
    const legacy = await app.inject({ method: 'POST', url: `/api/v1/evidence/${note.json().id}/original`, ...s, payload: { reason: 'Pemeriksaan berkas asli untuk kajian' } });
    expect(legacy.headers['content-disposition']).toBe('attachment; filename="lama.txt"');
  });

  it('refuses evidence for a final case (409) and for a tip whose case is final, and stores nothing', async () => {
    const c = await openCase('Temuan yang tidak diregistrasi');
    // a finding is not withdrawn (it has no reporter): it ends as not registered
    const end = (id: string) => [{ type: 'START_REVIEW' }, { type: 'REJECT', reason: 'Tidak memenuhi syarat materiel.' }]
      .reduce<Promise<unknown>>((p, event) => p.then(() => app.inject({ method: 'POST', url: `/api/v1/cases/${id}/events`, ...s, payload: { event } })), Promise.resolve());
    await end(c.id);
    expect((await app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, ...s })).json().status).toBe('not_registered');
    const before = await count();
    const files = filesOnDisk().length;
    const r = await toCase(c.id, 'foto.jpg', 'image/jpeg', gpsPhoto);
    expect(r.statusCode, r.body).toBe(409);
    expect(r.json().code).toBe('CASE_FINAL');
    // the status in words, never its code
    expect(r.json().message.id).not.toMatch(/\([a-z_]+\)/);
    expect(r.json().message.en).not.toMatch(/\([a-z_]+\)/);
    // a tip turned into a case that is then closed as not registered: the reporter cannot add to it either
    const other = (await app.inject({ method: 'POST', url: '/api/v1/public/tips', ...fromNextAddress(), payload: { what: 'Kepala dinas hadir di kampanye calon bupati.', regionCode: '32.75.01' } })).json();
    const otherId = (await app.inject({ method: 'GET', url: '/api/v1/tips?status=received', ...s })).json().items.find((t: { receiptCode: string }) => t.receiptCode === other.receiptCode).id;
    const fromTip = await app.inject({ method: 'POST', url: '/api/v1/cases/findings', ...s, payload: { tipId: otherId, electionId: 'pemilu-2024', regionCode: '32.75', title: 'Kepala dinas di kampanye', summary: 'Dari informasi awal masyarakat.' } });
    expect(fromTip.statusCode, fromTip.body).toBe(201);
    await end(fromTip.json().id);
    const late = await app.inject({ method: 'POST', url: '/api/v1/public/tips/evidence', ...fromNextAddress(), ...multipart(other, { name: 'foto.jpg', type: 'image/jpeg', data: gpsPhoto }) });
    expect(late.statusCode, late.body).toBe(409);
    expect(await count()).toBe(before);
    expect(filesOnDisk().length).toBe(files);
  });

  it('migration 0016 gives anonymous uploads stored before it their local day, and leaves handlers\' uploads alone', async () => {
    const anon = (await toTip('IMG_lama.jpg', 'image/jpeg', gpsPhoto)).json().id as string;
    const byHandler = (await toCase(caseId, 'foto-lama.jpg', 'image/jpeg', gpsPhoto)).json().id as string;
    // as the earlier version stored them: the exact time of receipt
    const exact = '2026-11-20T02:17:42.123Z';
    for (const id of [anon, byHandler]) {
      await deps.db.query('UPDATE evidence SET received_at = $2 WHERE id = $1', [id, exact]);
      await deps.db.query("UPDATE custody_events SET at = $2 WHERE evidence_id = $1 AND action IN ('received', 'sealed')", [id, exact]);
    }
    const m = listMigrations().find((x) => x.name.startsWith('0016_'))!;
    for (const stmt of splitStatements(m.sql).filter((x) => x.startsWith('WITH'))) await deps.db.query(stmt);
    const times = async (id: string) => [
      ...(await deps.db.query<{ t: Date }>('SELECT received_at AS t FROM evidence WHERE id = $1', [id])).rows,
      ...(await deps.db.query<{ t: Date }>("SELECT at AS t FROM custody_events WHERE evidence_id = $1 AND action IN ('received', 'sealed')", [id])).rows,
    ].map((r) => new Date(r.t).toISOString());
    expect(await times(anon)).toEqual([DAY_START, DAY_START, DAY_START]); // 09:17 WIB on 20 Nov -> 20 Nov 00:00 WIB
    expect(await times(byHandler)).toEqual([exact, exact, exact]);
  });

  it('keeps only the local day of an anonymous upload: row, custody events, audit entry, sealed files; a handler upload keeps its time', async () => {
    const res = await toTip('IMG_1.jpg', 'image/jpeg', gpsPhoto);
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    expect((await tipEvidence()).find((e) => e.id === id)).toMatchObject({ receivedAt: DAY_START, receivedAtPrecision: 'day' });
    const custody = (await app.inject({ method: 'GET', url: `/api/v1/evidence/${id}/custody`, ...s })).json().items;
    expect(custody.slice(0, 2).map((c: { action: string; at: string; atPrecision: string }) => [c.action, c.at, c.atPrecision])).toEqual([['received', DAY_START, 'day'], ['sealed', DAY_START, 'day']]);
    // its audit entry waits for the end of the local day before joining the trail
    expect((await deps.db.query("SELECT 1 FROM audit_events WHERE action = 'evidence.received' AND entity_id = $1", [id])).rowCount).toBe(0);
    await sealAudit(deps.db, { wait: true, now: new Date(Date.parse(DAY_START) + 86_400_000) });
    const audit = (await deps.db.query<{ occurred_at: Date }>("SELECT occurred_at FROM audit_events WHERE action = 'evidence.received' AND entity_id = $1", [id])).rows;
    expect(audit.map((a) => new Date(a.occurred_at).toISOString())).toEqual([DAY_START]);
    const sealed = path.join(deps.config.evidenceDir, 'sealed', id);
    expect(fs.statSync(sealed).mtime.toISOString()).toBe(DAY_START);
    const byHandler = await toCase(caseId, 'foto-pengawas.jpg', 'image/jpeg', gpsPhoto);
    const handlerAt = (await deps.db.query<{ received_at: Date }>('SELECT received_at FROM evidence WHERE id = $1', [byHandler.json().id])).rows[0]!.received_at;
    expect(new Date(handlerAt).toISOString()).toBe(NOW.toISOString());
  });

  it('hands a tip\'s files over to a case with a custody event for each (for the conversion in cases.service.ts)', async () => {
    const c = await openCase('Temuan dari informasi awal');
    const onTip = (await deps.db.query<{ id: string }>('SELECT id FROM evidence WHERE tip_id = $1 AND case_id IS NULL ORDER BY id', [tipId])).rows.map((r) => r.id);
    expect(onTip.length).toBeGreaterThan(0);
    const moved = await deps.db.transaction((tx) => handOverTipEvidence(tx, tipId, c.id, SYSTEM, clock.now(), '001/TM'));
    expect(moved.sort()).toEqual(onTip);
    const log = (await app.inject({ method: 'GET', url: `/api/v1/evidence/${onTip[0]}/custody`, ...s })).json().items;
    expect(log.at(-1)).toMatchObject({ action: 'handed_over', actor: 'test', reason: expect.stringContaining('001/TM') });
    // files already on a case are never taken from it
    expect(await deps.db.transaction((tx) => handOverTipEvidence(tx, tipId, caseId, SYSTEM, clock.now()))).toEqual([]);
  });

  it('remakes the copies of PDFs received before this rule (they kept the EXIF of embedded photos) from the sealed originals', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([200, 200]).drawImage(await doc.embedJpg(gpsPhoto), { x: 0, y: 0, width: 64, height: 48 });
    const pdf = Buffer.from(await doc.save());
    const id = (await toTip('lama.pdf', 'application/pdf', pdf)).json().id as string;
    // the state an older version left: a "stripped" copy that is the PDF with its photo's EXIF intact
    const legacyPath = path.join(deps.config.evidenceDir, 'shared', `${id}.legacy`);
    const legacy = await seal(Readable.from([pdf]), legacyPath, loadMasterKey(deps.config), `${id}:shared`);
    const row = (await deps.db.query<{ sealed: unknown }>('SELECT sealed FROM evidence WHERE id = $1', [id])).rows[0]!;
    const sealed = typeof row.sealed === 'string' ? JSON.parse(row.sealed) : row.sealed;
    fs.rmSync(sealed.shared.path);
    await deps.db.query("UPDATE evidence SET sealed = $2, shareable_sha256 = 'legacy' WHERE id = $1", [id, JSON.stringify({ ...sealed, shared: legacy })]);
    const copyGps = async () => {
      const copy = await app.inject({ method: 'GET', url: `/api/v1/evidence/${id}/copy`, ...s });
      return exifr.gps(jpegsOf(await PDFDocument.load(copy.rawPayload))[0]!).catch(() => undefined);
    };
    expect(await copyGps()).toBeDefined();

    const result = await remakePdfCopies(deps, SYSTEM);
    expect(result.remade).toBeGreaterThanOrEqual(1);
    expect(result.withdrawn).toBe(0);
    expect(await copyGps()).toBeUndefined();
    expect(fs.existsSync(legacyPath)).toBe(false);
    expect((await tipEvidence()).find((e) => e.id === id)!.copy).toBe('stripped');
    expect((await deps.db.query("SELECT 1 FROM audit_events WHERE action = 'evidence.copy_remade' AND entity_id = $1", [id])).rowCount).toBe(1);
  });
});
