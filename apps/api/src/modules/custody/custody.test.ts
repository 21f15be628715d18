import fs from 'node:fs';
import path from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import crypto from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, addUser, freshDb, makeDeps, multipart, signIn, type TestApp } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import type { Deps } from '../../deps.ts';
import { loadMasterKey } from '../../platform/keys.ts';
import { verifySealed } from './custody.store.ts';
import { MAX_BYTES_PER_TIP } from './custody.service.ts';

const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');


describe.each(DB_KINDS)('evidence custody on %s', (kind) => {
  let deps: Deps;
  let app: TestApp;
  let drop: () => Promise<void>;
  let receipt: { receiptCode: string; secret: string };
  let photo: Buffer;
  let s: Awaited<ReturnType<typeof signIn>>;

  beforeAll(async () => {
    const f = await freshDb(kind);
    drop = f.drop;
    deps = makeDeps(f.db);
    await addUser(deps, 'bawaslu.kota', 'supervisor', { regionCode: '32.75' });
    await addUser(deps, 'bawaslu.banten', 'supervisor', { regionCode: '36' });
    await addUser(deps, 'bkn', 'authority_officer');
    await addUser(deps, 'auditor', 'auditor');
    app = await buildApp(deps);
    s = await signIn(app, 'bawaslu.kota');
    receipt = (await app.inject({ method: 'POST', url: '/api/v1/public/tips', payload: { what: 'Camat berfoto dengan jersey nomor dua di GOR.', regionCode: '32.75.01' } })).json();
    // a phone photo taken at GOR Patriot Bekasi, with GPS and device in its EXIF
    photo = await sharp({ create: { width: 120, height: 80, channels: 3, background: '#2a6' } })
      .withExif({ IFD0: { Make: 'Samsung', Model: 'SM-A515F', DateTime: '2023:12:29 07:45:10' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 14/1 3000/100', GPSLongitudeRef: 'E', GPSLongitude: '106/1 59/1 4500/100' } })
      .jpeg().toBuffer();
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const upload = (name: string, type: string, data: Buffer, creds = receipt) =>
    app.inject({ method: 'POST', url: '/api/v1/public/tips/evidence', ...multipart(creds, { name, type, data }) });
  const count = async () => (await deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM evidence')).rows[0]!.n;
  const filesOnDisk = () => ['sealed', 'shared', 'tmp'].flatMap((d) => (fs.existsSync(path.join(deps.config.evidenceDir, d)) ? fs.readdirSync(path.join(deps.config.evidenceDir, d)) : []));

  it('seals the original, strips GPS from the shareable copy and shows the metadata to handlers', async () => {
    // an unsealed original left in the temporary directory by a crash an hour ago is erased by the next upload
    const stale = path.join(deps.config.evidenceDir, 'tmp', 'crash-leftover');
    fs.mkdirSync(path.dirname(stale), { recursive: true });
    fs.writeFileSync(stale, photo);
    fs.utimesSync(stale, new Date(Date.now() - 2 * 3_600_000), new Date(Date.now() - 2 * 3_600_000));
    const res = await upload('IMG_20231229.jpg', 'image/jpeg', photo);
    expect(fs.existsSync(stale)).toBe(false);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().sha256).toBe(sha(photo));
    const tipId = (await app.inject({ method: 'GET', url: '/api/v1/tips', ...s })).json().items[0].id;
    const list = (await app.inject({ method: 'GET', url: `/api/v1/tips/${tipId}/evidence`, ...s })).json().items;
    expect(list).toHaveLength(1);
    expect(list[0].metadata.gps.lat).toBeCloseTo(-6.2417, 3);
    expect(list[0].metadata.device).toEqual({ make: 'Samsung', model: 'SM-A515F' });
    // an anonymous upload keeps its local day: shown as that date in the region (WIB), not as a UTC instant
    expect(list[0].receivedAtPrecision).toBe('day');
    expect(list[0].receivedOn).toBe(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(deps.clock.now()));
    const id = list[0].id;
    // the sealed file on disk is not the photo
    expect(fs.readFileSync(path.join(deps.config.evidenceDir, 'sealed', id)).includes(photo.subarray(0, 64))).toBe(false);
    const copy = await app.inject({ method: 'GET', url: `/api/v1/evidence/${id}/copy`, ...s });
    expect(copy.statusCode).toBe(200);
    expect(copy.headers['content-disposition']).toMatch(/^attachment;/);
    expect(copy.headers['x-content-type-options']).toBe('nosniff');
    const copyGps = await exifr.gps(copy.rawPayload).catch(() => undefined);
    expect(copyGps).toBeUndefined();
    expect(sha(copy.rawPayload)).not.toBe(sha(photo));
    expect((await app.inject({ method: 'POST', url: `/api/v1/evidence/${id}/original`, ...s, payload: { reason: 'x' } })).statusCode).toBe(400);
    const original = await app.inject({ method: 'POST', url: `/api/v1/evidence/${id}/original`, ...s, payload: { reason: 'Verifikasi keaslian foto untuk kajian' } });
    expect(original.rawPayload.equals(photo)).toBe(true);
    const custody = (await app.inject({ method: 'GET', url: `/api/v1/evidence/${id}/custody`, ...s })).json().items;
    expect(custody.map((c: { action: string }) => c.action)).toEqual(['received', 'sealed', 'downloaded_copy', 'downloaded_original']);
    expect(custody[3].reason).toBe('Verifikasi keaslian foto untuk kajian');
    // another region's supervisor cannot reach it
    const other = await signIn(app, 'bawaslu.banten');
    expect((await app.inject({ method: 'GET', url: `/api/v1/evidence/${id}/copy`, ...other })).statusCode).toBe(404);
    // the tip becomes a finding: the photo moves to the case and its custody log says so
    const finding = await app.inject({ method: 'POST', url: '/api/v1/cases/findings', ...s, payload: { tipId, electionId: 'pemilu-2024', regionCode: '32.75', title: 'Camat berfoto dengan jersey nomor dua', summary: 'Dari informasi awal masyarakat, dengan foto.' } });
    expect(finding.statusCode, finding.body).toBe(201);
    // Bawaslu learned of it the day the tip came in: that is the finding's known date (its 7 days count from it)
    expect(finding.json().knownOn).toBe(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(deps.clock.now()));
    const moved = (await app.inject({ method: 'GET', url: `/api/v1/evidence/${id}/custody`, ...s })).json().items as { action: string; reason: string | null }[];
    expect(moved.map((c) => c.action)).toEqual(['received', 'sealed', 'downloaded_copy', 'downloaded_original', 'handed_over']);
    expect(moved[4]!.reason).toContain(finding.json().id);
    expect((await deps.db.query<{ case_id: string }>('SELECT case_id FROM evidence WHERE id = $1', [id])).rows[0]!.case_id).toBe(finding.json().id);
    // the sender's file name is not kept: "IMG_20231229" (or "Foto_Andi_Pratama") could name them
    expect(list[0].fileName).toBe('bukti.jpg');
    expect(JSON.stringify((await deps.db.query('SELECT file_name FROM evidence')).rows)).not.toContain('IMG_20231229');

    // once the case reaches the civil-service authority (the workflow is tested elsewhere: set directly here),
    // BKN gets the stripped copy, not where or on what the photo was taken, and not the original
    await deps.db.query("UPDATE cases SET authority_id = 'BKN', status = 'forwarded' WHERE id = $1", [finding.json().id]);
    const bkn = await signIn(app, 'bkn');
    const seen = (await app.inject({ method: 'GET', url: `/api/v1/cases/${finding.json().id}/evidence`, ...bkn })).json().items;
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ metadata: {}, metadataWithheld: true, originalAvailable: false });
    expect(JSON.stringify(seen)).not.toMatch(/SM-A515F|Samsung|gps/);
    const bknCopy = await app.inject({ method: 'GET', url: `/api/v1/evidence/${id}/copy`, ...bkn });
    expect(bknCopy.statusCode).toBe(200);
    expect(await exifr.gps(bknCopy.rawPayload).catch(() => undefined)).toBeUndefined();
    const refused = await app.inject({ method: 'POST', url: `/api/v1/evidence/${id}/original`, ...bkn, payload: { reason: 'Ingin melihat foto asli untuk rekomendasi' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('EVIDENCE_ORIGINAL_BAWASLU_ONLY');
    // a national auditor reads the file as it left Bawaslu: no metadata, no original, and no tips at all
    const auditor = await signIn(app, 'auditor');
    expect((await app.inject({ method: 'GET', url: `/api/v1/cases/${finding.json().id}/evidence`, ...auditor })).json().items[0]).toMatchObject({ metadata: {}, metadataWithheld: true, originalAvailable: false });
    expect((await app.inject({ method: 'POST', url: `/api/v1/evidence/${id}/original`, ...auditor, payload: { reason: 'Pemeriksaan berkas untuk audit' } })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/tips', ...auditor })).statusCode).toBe(403);
    // Bawaslu still sees it all
    expect((await app.inject({ method: 'GET', url: `/api/v1/cases/${finding.json().id}/evidence`, ...s })).json().items[0]).toMatchObject({ metadataWithheld: false, originalAvailable: true, metadata: { device: { model: 'SM-A515F' } } });
    // a file Bawaslu adds at the desk keeps its name inside Bawaslu only; a plain-text file (no metadata) is its own copy, which BKN may have
    const note = await app.inject({ method: 'POST', url: `/api/v1/cases/${finding.json().id}/evidence`, cookies: s.cookies, ...(() => {
      const m = multipart({}, { name: 'Keterangan_Siti_Rahmawati.txt', type: 'text/plain', data: Buffer.from('Keterangan tertulis tentang kejadian di GOR.') });
      return { payload: m.payload, headers: { ...s.headers, ...m.headers } };
    })() });
    expect(note.statusCode, note.body).toBe(201);
    const forBkn = (await app.inject({ method: 'GET', url: `/api/v1/cases/${finding.json().id}/evidence`, ...bkn })).json().items as { id: string; fileName: string }[];
    expect(forBkn.map((e) => e.fileName).sort()).toEqual(['bukti.jpg', 'bukti.txt']);
    const text = await app.inject({ method: 'GET', url: `/api/v1/evidence/${note.json().id}/copy`, ...bkn });
    expect(text.statusCode).toBe(200);
    expect(text.headers['content-disposition']).toBe('attachment; filename="bukti.txt"');
    expect((await app.inject({ method: 'GET', url: `/api/v1/cases/${finding.json().id}/evidence`, ...s })).json().items.map((e: { fileName: string }) => e.fileName)).toContain('Keterangan_Siti_Rahmawati.txt');
  });

  it('strips document metadata from a PDF copy', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    doc.setAuthor('Nama Asli Pelapor');
    doc.setCreator('Kantor Kelurahan');
    const pdf = Buffer.from(await doc.save());
    const res = await upload('surat.pdf', 'application/pdf', pdf);
    expect(res.statusCode, res.body).toBe(201);
    const copy = await app.inject({ method: 'GET', url: `/api/v1/evidence/${res.json().id}/copy`, ...s });
    expect(copy.rawPayload.toString('latin1')).not.toContain('Nama Asli Pelapor');
    const back = await PDFDocument.load(copy.rawPayload);
    expect(back.getAuthor() ?? '').toBe('');
  });

  it.each([
    ['a PNG disguised as .pdf', 'bukti.pdf', 'application/pdf', async () => sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } }).png().toBuffer(), 400, 'EVIDENCE_DISGUISED'],
    ['an SVG with a script', 'gambar.svg', 'image/svg+xml', async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 400, 'EVIDENCE_TYPE_NOT_ALLOWED'],
    ['an HTML page named .txt', 'catatan.txt', 'text/plain', async () => Buffer.from('<!doctype html><html><body><script>x()</script></body></html>'), 400, 'EVIDENCE_TYPE_NOT_ALLOWED'],
    ['an empty file', 'kosong.jpg', 'image/jpeg', async () => Buffer.alloc(0), 400, 'EVIDENCE_EMPTY'],
    ['a ZIP archive', 'foto.jpg', 'image/jpeg', async () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]), Buffer.alloc(100, 1)]), 400, 'EVIDENCE_TYPE_NOT_ALLOWED'],
    ['an oversized photo', 'besar.jpg', 'image/jpeg', async () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(26 * 2 ** 20, 0)]), 413, 'EVIDENCE_TOO_LARGE'],
    ['a broken JPEG', 'rusak.jpg', 'image/jpeg', async () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]), Buffer.alloc(300, 7)]), 400, 'EVIDENCE_MALFORMED'],
  ])('refuses %s with a clear message and stores nothing', async (_label, name, type, make, status, code) => {
    const before = await count();
    const files = filesOnDisk().length;
    const res = await upload(name, type, await make());
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().code).toBe(code);
    expect(res.json().message.en).toContain(code === 'EVIDENCE_TOO_LARGE' ? 'larger than' : code === 'EVIDENCE_MALFORMED' ? name : '');
    expect(await count()).toBe(before);
    expect(filesOnDisk().length).toBe(files);
  });

  it('caps what one anonymous tip may store in total; the file that would pass the cap is not kept', async () => {
    const tip = (await app.inject({ method: 'POST', url: '/api/v1/public/tips', payload: { what: 'Lurah membagikan kalender bergambar calon di kantor kelurahan.', regionCode: '32.75.01' } })).json();
    const first = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#a26' } }).jpeg().toBuffer();
    expect((await upload('a.jpg', 'image/jpeg', first, tip)).statusCode).toBe(201);
    // (as if the tip already held nearly the whole allowance: setting the size is quicker than uploading 500 MB)
    expect((await deps.db.query('UPDATE evidence SET size = $2 WHERE sha256 = $1', [sha(first), MAX_BYTES_PER_TIP - 100])).rowCount).toBe(1);
    const before = await count();
    const files = filesOnDisk().length;
    const full = await upload('b.jpg', 'image/jpeg', photo, tip);
    expect(full.statusCode, full.body).toBe(413);
    expect(full.json().code).toBe('EVIDENCE_TIP_FULL');
    expect(full.json().message.id).toContain('500 MB');
    expect(await count()).toBe(before);
    expect(filesOnDisk().length).toBe(files);
  });

  it('refuses a wrong secret before reading the file', async () => {
    const before = await count();
    const res = await upload('foto.jpg', 'image/jpeg', photo, { ...receipt, secret: 'WRONG' });
    expect(res.statusCode).toBe(404);
    expect(await count()).toBe(before);
  });

  it('detects a tampered sealed file', async () => {
    const row = (await deps.db.query<{ id: string; sealed: { original: { path: string; iv: string; tag: string; wrappedKey: string } } | string }>('SELECT id, sealed FROM evidence LIMIT 1')).rows[0]!;
    const sealed = typeof row.sealed === 'string' ? JSON.parse(row.sealed) : row.sealed;
    const key = loadMasterKey(deps.config);
    expect(await verifySealed(sealed.original, key, `${row.id}:original`)).toMatch(/^[0-9a-f]{64}$/);
    const bytes = fs.readFileSync(sealed.original.path);
    bytes[10] = bytes[10]! ^ 0xff;
    fs.writeFileSync(sealed.original.path, bytes);
    await expect(verifySealed(sealed.original, key, `${row.id}:original`)).rejects.toMatchObject({ code: 'EVIDENCE_TAMPERED' });
  });
});
