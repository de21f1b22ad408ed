import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { Keypair } from '@stellar/stellar-sdk';
import { PI_SANDBOX_DEV_APP_WALLET_ADDRESS, PI_SANDBOX_DEV_APP_WALLET_SEED } from '@pishop/pi-protocol';
import { z } from 'zod';
import { Secret } from '../lib/secret';
import { envSchema, type RawEnv } from './env-schema';
import { ROOT_DIR } from './paths';
import { isKnownPublicSecret } from './secrets';
import { parseCorsOrigins, parseFrameAncestors, parseTrustProxy, type TrustProxy } from './network';

/** The public Pi Platform; only reached when the local sandbox is off. */
export const PI_PUBLIC_API_BASE_URL = 'https://api.minepi.com';
/** Pi's own Horizon servers, per network (`PI_NETWORK`). */
export const PI_HORIZON_BY_NETWORK = {
  'Pi Network': 'https://api.mainnet.minepi.com',
  'Pi Testnet': 'https://api.testnet.minepi.com',
} as const;
/** Fixed development key of the mounted sandbox (also in .env.example). */
export const PI_SANDBOX_DEV_KEY = 'pi-sandbox-dev-key';
/** Hosts Pi Browser frames apps from (its sandbox, app CDN and app subdomains). */
export const PI_DEFAULT_FRAME_ANCESTORS = ['https://minepi.com', 'https://*.minepi.com', 'https://pinet.com', 'https://*.pinet.com'];

export type DatabaseConfig =
  | { driver: 'sqlite'; path: string }
  | { driver: 'mysql' | 'mariadb'; url: string };

/** What the app does follows these settings; NODE_ENV only picked some of their defaults. */
export interface AppConfig {
  port: number;
  host: string;
  publicUrl: string;
  logLevel: RawEnv['LOG_LEVEL'];
  database: DatabaseConfig;
  /** MySQL/MariaDB: times a transaction is tried again after a deadlock or lock-wait timeout. */
  dbTransactionRetries: number;
  /** MySQL/MariaDB: seconds a statement waits for a row lock. */
  dbLockWaitSeconds: number;
  /**
   * The access-token secret: JWT_SECRET, or null until `ensureJwtSecret` has read or created
   * `jwtSecretFile` at start (development without JWT_SECRET).
   */
  jwtSecret: string | null;
  jwtSecretFile: string | null;
  corsOrigins: string[];
  /** false, a hop count, or the proxy addresses/CIDRs whose X-Forwarded-* are believed. */
  trustProxy: TrustProxy;
  /** Serve the built storefront and back office (the SPAs) from this process. */
  serveSpas: boolean;
  /** HSTS and CSP upgrade-insecure-requests: the site is only ever reached over HTTPS. */
  forceHttps: boolean;
  edge: {
    headersTimeoutMs: number;
    requestTimeoutMs: number;
    /** A non-multipart body must arrive within this time. */
    bodyTimeoutMs: number;
    /** Idle socket timeout (0: none). */
    connectionTimeoutMs: number;
    /** Default body limit of a route (routes may set a lower or higher `bodyLimit`). */
    bodyLimitBytes: number;
    jsonMaxDepth: number;
  };
  mediaRoot: string;
  /** Files that are never served statically (the CV). */
  privateRoot: string;
  ffmpegCmd?: string;
  media: {
    maxImageBytes: number;
    maxVideoBytes: number;
    /** Thumbnail widths in pixels, ascending. */
    thumbnailWidths: number[];
    /** FFmpeg/sharp jobs run at once by this process (0: this instance runs no media jobs). */
    jobConcurrency: number;
    /** A running job whose heartbeat is older than this is requeued. */
    jobStaleSeconds: number;
    ffmpegTimeoutSeconds: number;
  };
  smtpUrl?: string;
  emailFrom: string;
  /** Production without SMTP_URL: mails only go to the log (explicitly allowed). */
  allowLogOnlyMail: boolean;
  demoData: boolean;
  /** With demo data: generate pictures and preview clips for the demo items (sharp, FFmpeg). */
  demoMedia: boolean;
  redisUrl?: string;
  /** Public reads are answered from memory for at most this long (0 = no read cache); admin writes clear it at once. */
  readCacheSeconds: number;
  /** Requests per minute and client on /api (routes may set lower limits). */
  rateLimitMax: number;
  /** Requests per minute per API key. */
  apiKeyRateLimitMax: number;
  /** Checkouts, payments, cancels and inbox messages per signed-in customer and minute. */
  customerWriteRateLimitMax: number;
  webhooks: {
    allowPrivateTargets: boolean;
    /** This instance sends deliveries (otherwise it only writes the outbox). */
    worker: boolean;
    /** Seconds between looks for due deliveries (0: only at start and after commits). */
    pollIntervalSeconds: number;
    timeoutMs: number;
  };
  pi: {
    apiKey: string;
    apiBaseUrl: string;
    horizonUrl: string;
    eurPerPi: string;
    onlyLogin: boolean;
    /** Pi.init({sandbox}) on the storefront: the SDK runs in Pi's sandbox. Changes no header. */
    sandbox: boolean;
    sandboxLocal: boolean;
    /** The mounted sandbox's wallet control API (/pi-sandbox/control); never in production. */
    sandboxControl: boolean;
    /** CSP frame-ancestors besides 'self' (Pi Browser frames apps). */
    frameAncestors: string[];
    webhookSecret?: string;
    validationKey: string;
    /** The Pi network payments must be on ("Pi Testnet" or "Pi Network" = Mainnet). */
    network: 'Pi Network' | 'Pi Testnet';
    /** The app's wallet: Pi's `to_address` and the ledger destination of every user-to-app payment. */
    appWalletAddress: string;
    /**
     * The app wallet's secret seed (`PI_WALLET_PRIVATE_SEED`), which signs refunds; its public key
     * is `appWalletAddress` (checked here). With the mounted sandbox it defaults to the sandbox's
     * seed. Unset: refunds are off.
     */
    walletSeed?: Secret;
    /** The mounted sandbox's fixed app wallet seed (only with `sandboxLocal`). */
    sandboxAppWalletSeed?: Secret;
    /** PI_HORIZON_URL is the mounted sandbox's own ledger (served by this process). */
    horizonIsMountedSandbox: boolean;
    /** The mounted sandbox's approval window. */
    sandboxApprovalTimeoutMs: number;
    /** An approved payment never signed for this long is cancelled with Pi by the reconciler. */
    paymentExpirySeconds: number;
    /** Per-attempt timeout of Pi Platform API and ledger calls. */
    apiTimeoutMs: number;
    /** How often the payment reconciler runs; 0 = never (tests call it directly). */
    reconcileIntervalSeconds: number;
  };
  recaptcha: { siteKey: string; secretKey: string; minScore: number; verifyUrl: string };
  auth: { lockout: { maxFailures: number; windowMinutes: number; cooloffMinutes: number } };
}

export class ConfigError extends Error {
  constructor(public readonly issues: { key: string; message: string }[]) {
    super(
      'Invalid configuration:\n' + issues.map((i) => `  ${i.key}: ${i.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment once; throws ConfigError naming every bad key. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = ROOT_DIR): AppConfig {
  const blanksRemoved = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(blanksRemoved);
  if (!parsed.success) throw new ConfigError(toIssues(parsed.error));
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const issues: { key: string; message: string }[] = [];
  const check = <T>(key: string, read: () => T): T | undefined => {
    try {
      return read();
    } catch (err) {
      issues.push({ key, message: (err as Error).message });
      return undefined;
    }
  };
  const trustProxy = check('TRUST_PROXY', () => parseTrustProxy(e.TRUST_PROXY));
  const corsOrigins = check('CORS_ORIGINS', () => parseCorsOrigins(e.CORS_ORIGINS));
  const frameAncestors = check('PI_FRAME_ANCESTORS', () =>
    e.PI_FRAME_ANCESTORS === undefined ? PI_DEFAULT_FRAME_ANCESTORS : parseFrameAncestors(e.PI_FRAME_ANCESTORS));
  if (e.JWT_SECRET && isKnownPublicSecret(e.JWT_SECRET)) {
    issues.push({ key: 'JWT_SECRET', message: 'is a published example value; generate one, e.g. `openssl rand -base64 48`' });
  }
  if (production && !e.JWT_SECRET) {
    issues.push({ key: 'JWT_SECRET', message: 'is required in production (32+ random characters, the same on every instance)' });
  }
  const allowSimulatedPi = e.ALLOW_SIMULATED_PI ?? !production;
  if (!e.PI_API_KEY && !allowSimulatedPi) {
    issues.push({ key: 'PI_API_KEY', message: 'is required in production (or set ALLOW_SIMULATED_PI=true to run on the simulated Pi)' });
  }
  const allowLogOnlyMail = e.ALLOW_LOG_ONLY_MAIL ?? !production;
  if (!e.SMTP_URL && !allowLogOnlyMail) {
    issues.push({ key: 'SMTP_URL', message: 'is required in production (or set ALLOW_LOG_ONLY_MAIL=true to only log mails)' });
  }
  const sandboxControl = e.PI_SANDBOX_CONTROL ?? !production;
  if (sandboxControl && production) {
    issues.push({ key: 'PI_SANDBOX_CONTROL', message: 'cannot be true in production' });
  }
  if (e.WEBHOOKS_ALLOW_PRIVATE_TARGETS && production) {
    issues.push({ key: 'WEBHOOKS_ALLOW_PRIVATE_TARGETS', message: 'cannot be true in production (webhooks would reach this network)' });
  }
  const sandboxLocal = e.PI_SANDBOX_LOCAL ?? !e.PI_API_KEY;
  // Payments go to the mounted sandbox only when no other Pi is named: its wallet and seed are defaults only then.
  const paysMountedSandbox = sandboxLocal && !e.PI_API_BASE_URL;
  issues.push(...checkPiNetwork(e, sandboxLocal, paysMountedSandbox));
  const appWalletAddress = e.PI_APP_WALLET_ADDRESS ?? sandboxWalletAddress(e.PI_SANDBOX_APP_WALLET_SEED);
  const walletSeed = check('PI_WALLET_PRIVATE_SEED', () => appWalletSeed(e, paysMountedSandbox, appWalletAddress, production));
  if (issues.length || trustProxy === undefined || !corsOrigins || !frameAncestors) throw new ConfigError(issues);

  const sandboxBase = `http://127.0.0.1:${e.PORT}/pi-sandbox`;
  const dataRoot = e.USE_VOLUME_MEDIA ? '/data' : path.resolve(cwd, 'data');
  return {
    port: e.PORT,
    // Outside production only this machine can reach the server unless HOST says otherwise.
    host: e.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    logLevel: e.LOG_LEVEL,
    database: parseDatabaseUrl(e.DATABASE_URL, cwd),
    dbTransactionRetries: e.DB_TRANSACTION_RETRIES,
    dbLockWaitSeconds: e.DB_LOCK_WAIT_SECONDS,
    // Tests get a fresh random secret per process; development keeps one in the data folder.
    jwtSecret: e.JWT_SECRET ?? (e.NODE_ENV === 'test' ? randomBytes(48).toString('base64url') : null),
    jwtSecretFile: e.JWT_SECRET || e.NODE_ENV === 'test' ? null : path.join(dataRoot, 'jwt-secret'),
    corsOrigins,
    trustProxy,
    serveSpas: e.SERVE_SPAS ?? e.NODE_ENV !== 'test',
    forceHttps: e.FORCE_HTTPS ?? production,
    edge: {
      headersTimeoutMs: e.HEADERS_TIMEOUT_SECONDS * 1000,
      requestTimeoutMs: e.REQUEST_TIMEOUT_SECONDS * 1000,
      bodyTimeoutMs: e.BODY_TIMEOUT_SECONDS * 1000,
      connectionTimeoutMs: e.CONNECTION_TIMEOUT_SECONDS * 1000,
      bodyLimitBytes: e.BODY_LIMIT_KB * 1024,
      jsonMaxDepth: e.JSON_MAX_DEPTH,
    },
    mediaRoot: e.MEDIA_ROOT ?? (e.USE_VOLUME_MEDIA ? '/data/media' : path.resolve(cwd, 'data/media')),
    privateRoot: e.PRIVATE_ROOT ?? (e.USE_VOLUME_MEDIA ? '/data/private' : path.resolve(cwd, 'data/private')),
    ffmpegCmd: e.FFMPEG_CMD,
    media: {
      maxImageBytes: Math.round(e.MEDIA_MAX_IMAGE_MB * 1024 * 1024),
      maxVideoBytes: Math.round(e.MEDIA_MAX_VIDEO_MB * 1024 * 1024),
      thumbnailWidths: [...new Set(e.MEDIA_THUMBNAIL_WIDTHS.split(',').map((w) => Number(w.trim())))].sort((a, b) => a - b),
      jobConcurrency: Math.min(e.MEDIA_JOB_CONCURRENCY ?? os.availableParallelism(), os.availableParallelism()),
      jobStaleSeconds: e.MEDIA_JOB_STALE_SECONDS,
      ffmpegTimeoutSeconds: e.MEDIA_FFMPEG_TIMEOUT_SECONDS,
    },
    smtpUrl: e.SMTP_URL,
    emailFrom: e.EMAIL_FROM,
    allowLogOnlyMail,
    demoData: e.DEMO_DATA,
    demoMedia: e.DEMO_MEDIA,
    redisUrl: e.REDIS_URL,
    readCacheSeconds: e.READ_CACHE_SECONDS,
    rateLimitMax: e.RATE_LIMIT_MAX,
    apiKeyRateLimitMax: e.API_KEY_RATE_LIMIT_MAX,
    customerWriteRateLimitMax: e.CUSTOMER_WRITE_RATE_LIMIT_MAX,
    webhooks: {
      allowPrivateTargets: e.WEBHOOKS_ALLOW_PRIVATE_TARGETS,
      worker: e.WEBHOOKS_WORKER,
      pollIntervalSeconds: e.WEBHOOKS_POLL_INTERVAL_SECONDS,
      timeoutMs: e.WEBHOOKS_TIMEOUT_MS,
    },
    pi: {
      apiKey: e.PI_API_KEY ?? PI_SANDBOX_DEV_KEY,
      apiBaseUrl: (e.PI_API_BASE_URL ?? (sandboxLocal ? sandboxBase : PI_PUBLIC_API_BASE_URL)).replace(/\/$/, ''),
      horizonUrl: (e.PI_HORIZON_URL ?? (sandboxLocal ? `${sandboxBase}/ledger` : PI_HORIZON_BY_NETWORK[e.PI_NETWORK])).replace(/\/$/, ''),
      eurPerPi: e.PI_EUR_PER_PI,
      onlyLogin: e.PI_ONLY_LOGIN,
      sandbox: e.PI_SANDBOX,
      sandboxLocal,
      sandboxControl,
      frameAncestors,
      webhookSecret: e.PI_WEBHOOK_SECRET,
      validationKey: e.PI_VALIDATION_KEY,
      network: e.PI_NETWORK,
      appWalletAddress,
      walletSeed,
      sandboxAppWalletSeed: e.PI_SANDBOX_APP_WALLET_SEED ? new Secret(e.PI_SANDBOX_APP_WALLET_SEED) : undefined,
      horizonIsMountedSandbox: sandboxLocal && !e.PI_HORIZON_URL,
      sandboxApprovalTimeoutMs: e.PI_SANDBOX_APPROVAL_TIMEOUT_MS,
      paymentExpirySeconds: e.PI_PAYMENT_EXPIRY_SECONDS,
      apiTimeoutMs: e.PI_API_TIMEOUT_MS,
      reconcileIntervalSeconds: e.PI_RECONCILE_INTERVAL_SECONDS ?? (e.NODE_ENV === 'test' ? 0 : 60),
    },
    recaptcha: {
      siteKey: e.RECAPTCHA_SITE_KEY,
      secretKey: e.RECAPTCHA_SECRET_KEY,
      minScore: e.RECAPTCHA_MIN_SCORE,
      verifyUrl: e.RECAPTCHA_VERIFY_URL,
    },
    auth: {
      lockout: {
        maxFailures: e.AUTH_LOCKOUT_MAX_FAILURES,
        windowMinutes: e.AUTH_LOCKOUT_WINDOW_MINUTES,
        cooloffMinutes: e.AUTH_LOCKOUT_COOLOFF_MINUTES,
      },
    },
  };
}

export function parseDatabaseUrl(url: string | undefined, cwd = ROOT_DIR): DatabaseConfig {
  if (!url) return { driver: 'sqlite', path: path.resolve(cwd, 'data/pishop.sqlite') };
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\//, '');
    return { driver: 'sqlite', path: file === ':memory:' ? file : path.resolve(cwd, file) };
  }
  const driver = url.startsWith('mariadb:') ? 'mariadb' : 'mysql';
  return { driver, url: url.replace(/^mariadb:/, 'mysql:') };
}

/**
 * Pi's network, Horizon and wallet must agree: a Mainnet app checking transactions on the
 * Testnet ledger would refuse every completion. Pi's own Horizon hosts are known; a custom
 * PI_HORIZON_URL is the operator's word. Talking to a Pi other than the mounted sandbox needs
 * the app's wallet address.
 */
function checkPiNetwork(e: RawEnv, sandboxLocal: boolean, paysMountedSandbox: boolean): { key: string; message: string }[] {
  const issues: { key: string; message: string }[] = [];
  const horizon = e.PI_HORIZON_URL?.replace(/\/+$/, '');
  const known = Object.entries(PI_HORIZON_BY_NETWORK).find(([, url]) => url === horizon);
  if (known && known[0] !== e.PI_NETWORK) {
    issues.push({ key: 'PI_HORIZON_URL', message: `is the ${known[0]} ledger but PI_NETWORK is "${e.PI_NETWORK}"` });
  }
  if (!paysMountedSandbox && !e.PI_APP_WALLET_ADDRESS) {
    issues.push({ key: 'PI_APP_WALLET_ADDRESS', message: "is required when the app talks to a Pi other than the mounted sandbox (your app's wallet, from the Pi Developer Portal)" });
  }
  if (e.PI_SANDBOX_APP_WALLET_SEED && !sandboxLocal) {
    issues.push({ key: 'PI_SANDBOX_APP_WALLET_SEED', message: 'only applies to the mounted sandbox (PI_SANDBOX_LOCAL=true)' });
  }
  return issues;
}

/**
 * The seed that signs refunds. A seed that is not the app wallet's key would sign transactions
 * Pi refuses (or pay from a wallet that is not the app's): it stops the start, named but never
 * printed. With the mounted sandbox and no seed, the sandbox's own (public, development) seed.
 */
function appWalletSeed(e: RawEnv, paysMountedSandbox: boolean, appWalletAddress: string, production: boolean): Secret | undefined {
  if (e.PI_WALLET_PRIVATE_SEED) {
    if (production && e.PI_WALLET_PRIVATE_SEED === PI_SANDBOX_DEV_APP_WALLET_SEED) {
      throw new Error("is the Pi sandbox's public development seed: anyone can sign with it; use your app wallet's own seed");
    }
    const publicKey = Keypair.fromSecret(e.PI_WALLET_PRIVATE_SEED).publicKey();
    if (publicKey !== appWalletAddress) {
      throw new Error(`is not the app wallet's key: its public key is ${publicKey}, but the app wallet (PI_APP_WALLET_ADDRESS) is ${appWalletAddress}`);
    }
    return new Secret(e.PI_WALLET_PRIVATE_SEED);
  }
  if (!paysMountedSandbox) return undefined;
  const sandboxSeed = e.PI_SANDBOX_APP_WALLET_SEED ?? PI_SANDBOX_DEV_APP_WALLET_SEED;
  return Keypair.fromSecret(sandboxSeed).publicKey() === appWalletAddress ? new Secret(sandboxSeed) : undefined;
}

/** The mounted sandbox's wallet: the address of its seed (the fixed development wallet without one). */
function sandboxWalletAddress(seed: string | undefined): string {
  return seed ? Keypair.fromSecret(seed).publicKey() : PI_SANDBOX_DEV_APP_WALLET_ADDRESS;
}

function toIssues(error: z.ZodError): { key: string; message: string }[] {
  return error.issues.map((i) => ({ key: String(i.path[0] ?? '?'), message: i.message }));
}
