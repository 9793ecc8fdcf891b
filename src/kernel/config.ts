import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  FILES_DIR: z.string().min(1).optional(),
  DATABASE_URL: z.string().url().optional(),
  SECRET_KEY: z.string().min(32, 'SECRET_KEY must be at least 32 characters').optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Integritas <no-reply@integritas.local>'),
  PUBLIC_URL: z.string().url().optional(),
  TIME_ZONE: z.string().default('Asia/Jakarta').refine((tz) => {
    try { new Intl.DateTimeFormat('en-CA', { timeZone: tz }); return true; } catch { return false; }
  }, 'TIME_ZONE must be an IANA time zone, e.g. Asia/Jakarta, Asia/Makassar or Asia/Jayapura'),
  DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
  LOG_LEVEL: z.enum(['silent', 'error', 'info', 'debug']).default('info'),
  // reverse proxies whose X-Forwarded-For is believed (comma-separated addresses), e.g. 127.0.0.1,::1
  TRUSTED_PROXIES: z.string().default(''),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  isProduction: boolean;
  port: number;
  host: string;
  dataDir: string;
  /** Uploaded files (evidence), content-addressed, outside the web root; not in the database backup. */
  filesDir: string;
  databaseUrl?: string;
  secretKey: string;
  smtpUrl?: string;
  mailFrom: string;
  publicUrl: string;
  timeZone: string;
  /** Seed demo data on the first embedded start. Never in production. */
  demo: boolean;
  logLevel: 'silent' | 'error' | 'info' | 'debug';
  /** Addresses of reverse proxies in front of the app; only their X-Forwarded-For is read. */
  trustedProxies: string[];
}

export class ConfigError extends Error {}

/**
 * Reads the environment once. Production refuses to run without an explicit SECRET_KEY and
 * DATABASE_URL; development keeps a generated key in DATA_DIR so sessions survive restarts.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  const dataDir = path.resolve(e.DATA_DIR);
  if (isProduction) {
    const missing = [];
    if (!e.SECRET_KEY) missing.push('SECRET_KEY (32+ random characters)');
    if (!e.DATABASE_URL) missing.push('DATABASE_URL (PostgreSQL)');
    if (!e.PUBLIC_URL) missing.push('PUBLIC_URL (https://… address users reach)');
    if (missing.length) throw new ConfigError(`Production mode refuses to start without: ${missing.join(', ')}`);
  }
  const secretKey = e.SECRET_KEY ?? readOrCreateDevSecret(dataDir);
  const demo = !isProduction && e.DEMO !== 'off' && (e.DEMO === 'on' || !e.DATABASE_URL);
  return {
    env: e.NODE_ENV,
    isProduction,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    filesDir: e.FILES_DIR ? path.resolve(e.FILES_DIR) : path.join(dataDir, 'files'),
    databaseUrl: e.DATABASE_URL,
    secretKey,
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, ''),
    timeZone: e.TIME_ZONE,
    demo,
    logLevel: e.LOG_LEVEL,
    trustedProxies: parseProxies(e.TRUSTED_PROXIES),
  };
}

/** "127.0.0.1, ::1" → ['127.0.0.1', '::1'] (IPv4-mapped IPv6 written as plain IPv4). */
export function parseProxies(raw: string): string[] {
  return raw.split(',').map((s) => normaliseAddress(s.trim())).filter(Boolean);
}

export function normaliseAddress(a: string): string {
  return a.startsWith('::ffff:') && a.includes('.') ? a.slice(7) : a;
}

function readOrCreateDevSecret(dataDir: string): string {
  const file = path.join(dataDir, 'dev-secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString('base64url');
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}

/** A config for in-process tests: no files touched (filesDir is a fresh temp path, created on first upload). */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    env: 'test',
    isProduction: false,
    port: 0,
    host: '127.0.0.1',
    dataDir: '',
    filesDir: path.join(tmpdir(), `integritas-test-files-${randomBytes(6).toString('hex')}`),
    secretKey: 'test-secret-key-test-secret-key-0123456789',
    mailFrom: 'Integritas <no-reply@integritas.test>',
    publicUrl: 'http://127.0.0.1:3000',
    timeZone: 'Asia/Jakarta',
    demo: false,
    logLevel: 'silent',
    trustedProxies: [],
    ...overrides,
  };
}
