import { z } from 'zod';
import path from 'node:path';
import type { RulesOptions } from '@netra/rules';
import { readLegalOptions } from './platform/legal-options.ts';

/** The one config schema; the only module that reads process.env. */
const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  NETRA_DATA_DIR: z.string().default('./data'),
  NETRA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NETRA_SECURE_COOKIES: z.enum(['true', 'false', 'auto']).default('auto'),
  NETRA_SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  NETRA_DEMO: z.enum(['auto', 'true', 'false']).default('auto'),
  NETRA_WEB_DIST: z.string().optional(),
  NETRA_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  NETRA_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  NETRA_EVIDENCE_DIR: z.string().optional(),
  NETRA_SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  NETRA_MAIL_FROM: z.string().default('Netra <netra@localhost>'),
  NETRA_WHATSAPP_URL: z.url().optional(),
  NETRA_WHATSAPP_TOKEN: z.string().optional(),
  NETRA_PUBLIC_URL: z.url().optional(),
  NETRA_RULES_FILE: z.string().optional(),
  NETRA_SIGNING_IP_LIMIT: z.coerce.number().int().min(1).max(10_000_000).default(3000),
  NETRA_MASTER_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes in base64 (openssl rand -base64 32)')
    .optional(),
});

export type Config = {
  port: number;
  host: string;
  database: { kind: 'embedded'; dataDir: string } | { kind: 'postgres'; url: string };
  logLevel: z.infer<typeof ConfigSchema>['NETRA_LOG_LEVEL'];
  secureCookies: 'true' | 'false' | 'auto';
  sessionHours: number;
  demo: 'auto' | 'true' | 'false';
  webDist: string;
  loginMaxFailures: number;
  lockoutMinutes: number;
  /** Key that wraps the per-file keys of sealed evidence and reporter identities (base64, 32 bytes). */
  masterKey: string | undefined;
  /** Where sealed evidence files live (default: <data dir>/evidence). */
  evidenceDir: string;
  /** Outgoing notices; a channel without configuration is skipped (recorded as such). */
  smtpUrl: string | undefined;
  mailFrom: string;
  whatsappUrl: string | undefined;
  whatsappToken: string | undefined;
  /** Public base URL printed in documents and QR codes (verification links), without a trailing slash. */
  publicUrl: string;
  /** Self-service pledge code/sign requests per minute from one IP address (an office behind one NAT address). */
  signingIpLimit: number;
  /** The legal engine's UNCONFIRMED settings and later holidays (NETRA_RULES_FILE); empty = the built-in defaults. */
  legalOptions: RulesOptions;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  let legalOptions: RulesOptions = {};
  if (e.NETRA_RULES_FILE) {
    try {
      legalOptions = readLegalOptions(path.resolve(e.NETRA_RULES_FILE));
    } catch (err) {
      throw new ConfigError(`Invalid configuration:\n${(err as Error).message}`, { cause: err });
    }
  }
  const repoRoot = path.resolve(import.meta.dirname, '../../..');
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'embedded', dataDir: path.resolve(e.NETRA_DATA_DIR) },
    logLevel: e.NETRA_LOG_LEVEL,
    secureCookies: e.NETRA_SECURE_COOKIES,
    sessionHours: e.NETRA_SESSION_HOURS,
    demo: e.NETRA_DEMO,
    webDist: e.NETRA_WEB_DIST ?? path.join(repoRoot, 'apps/web/dist'),
    loginMaxFailures: e.NETRA_LOGIN_MAX_FAILURES,
    lockoutMinutes: e.NETRA_LOCKOUT_MINUTES,
    masterKey: e.NETRA_MASTER_KEY,
    evidenceDir: path.resolve(e.NETRA_EVIDENCE_DIR ?? path.join(e.NETRA_DATA_DIR, 'evidence')),
    smtpUrl: e.NETRA_SMTP_URL,
    mailFrom: e.NETRA_MAIL_FROM,
    whatsappUrl: e.NETRA_WHATSAPP_URL,
    whatsappToken: e.NETRA_WHATSAPP_TOKEN,
    publicUrl: (e.NETRA_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    signingIpLimit: e.NETRA_SIGNING_IP_LIMIT,
    legalOptions,
  };
}
