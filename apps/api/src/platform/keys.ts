import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';

export class MissingKeyError extends Error {}

/**
 * The master key that wraps per-record keys (sealed evidence, reporter identities). It never
 * lives in the database: NETRA_MASTER_KEY, or for the embedded database a key file created on
 * first use in the data directory (mode 0600), so a laptop install needs no setup.
 */
export function loadMasterKey(config: Config): Buffer {
  if (config.masterKey) return Buffer.from(config.masterKey, 'base64');
  if (config.database.kind === 'embedded') {
    const file = path.join(config.database.dataDir, 'master.key');
    if (!fs.existsSync(file)) {
      fs.mkdirSync(config.database.dataDir, { recursive: true });
      fs.writeFileSync(file, crypto.randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    }
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  }
  throw new MissingKeyError('NETRA_MASTER_KEY is required with DATABASE_URL (32 bytes, base64: openssl rand -base64 32).');
}

/** AES-256-GCM for small secrets (reporter identity): iv | tag | ciphertext, base64. */
export function sealText(key: Buffer, plaintext: string, aad: string): string {
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), ct]).toString('base64');
}

export function openText(key: Buffer, sealed: string, aad: string): string {
  const buf = Buffer.from(sealed, 'base64');
  const d = crypto.createDecipheriv('aes-256-gcm', key, buf.subarray(0, 12));
  d.setAAD(Buffer.from(aad));
  d.setAuthTag(buf.subarray(12, 28));
  return Buffer.concat([d.update(buf.subarray(28)), d.final()]).toString('utf8');
}
