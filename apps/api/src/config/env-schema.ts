import { StrKey } from '@stellar/stellar-sdk';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');

const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be between ${min} and ${max}`)
    .max(max, `must be between ${min} and ${max}`);

const megabytes = (max: number) =>
  z.coerce
    .number({ message: 'must be a number' })
    .positive('must be greater than 0')
    .max(max, `must be at most ${max}`);

const url = z.url({ message: 'must be a URL (http://... or https://...)' });

const databaseUrl = z
  .string()
  .refine((v) => /^(mysql|mariadb):\/\/.+/.test(v) || /^sqlite:.+/.test(v), {
    message: 'must start with mysql://, mariadb:// or sqlite:',
  });

const positiveDecimal = z
  .string()
  .regex(/^\d+(\.\d{1,7})?$/, 'must be a positive decimal number with at most 7 decimals')
  .refine((v) => Number(v) > 0, 'must be greater than 0');

/**
 * Every setting of DESIGN.md. Unset keys get defaults (some picked by NODE_ENV, here and in
 * config.ts only); a set key with a bad value stops the start with a message naming it.
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(3000),
  // Unset: 127.0.0.1, or 0.0.0.0 in production (config.ts).
  HOST: z.string().min(1).optional(),
  // Unset: http://localhost:<PORT> (config.ts), so links in mails follow the port.
  PUBLIC_URL: url.optional(),
  DATABASE_URL: databaseUrl.optional(),
  // Unset: a random secret kept in <data>/jwt-secret (development), per process (test); required in production.
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  CORS_ORIGINS: z.string().default(''),
  TRUST_PROXY: z.string().default('false'),
  // Edge limits: request/header/body timeouts and the default JSON body limit.
  HEADERS_TIMEOUT_SECONDS: wholeNumber(1, 600).default(10),
  REQUEST_TIMEOUT_SECONDS: wholeNumber(1, 3600).default(300),
  BODY_TIMEOUT_SECONDS: wholeNumber(1, 600).default(15),
  CONNECTION_TIMEOUT_SECONDS: wholeNumber(0, 3600).default(120),
  BODY_LIMIT_KB: wholeNumber(1, 102400).default(256),
  JSON_MAX_DEPTH: wholeNumber(2, 1000).default(32),
  // MySQL/MariaDB deadlocks and lock-wait timeouts: how often a transaction is tried again.
  DB_TRANSACTION_RETRIES: wholeNumber(0, 20).default(3),
  // MySQL/MariaDB: how long a statement waits for a row lock before giving up (server default 50 s).
  DB_LOCK_WAIT_SECONDS: wholeNumber(1, 3600).default(10),
  // Behaviour that used to follow NODE_ENV (defaults in config.ts).
  SERVE_SPAS: bool.optional(),
  FORCE_HTTPS: bool.optional(),
  PI_SANDBOX_CONTROL: bool.optional(),
  ALLOW_SIMULATED_PI: bool.optional(),
  ALLOW_LOG_ONLY_MAIL: bool.optional(),
  PI_FRAME_ANCESTORS: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MEDIA_ROOT: z.string().optional(),
  USE_VOLUME_MEDIA: bool.default(false),
  FFMPEG_CMD: z.string().optional(),
  // Media uploads and processing (see modules/media).
  MEDIA_MAX_IMAGE_MB: megabytes(1024).default(10),
  MEDIA_MAX_VIDEO_MB: megabytes(10240).default(200),
  MEDIA_THUMBNAIL_WIDTHS: z
    .string()
    .regex(/^\s*\d{2,4}(\s*,\s*\d{2,4})*\s*$/, 'must be widths in pixels, comma-separated (e.g. 320,640,1280)')
    .default('320,640,1280'),
  MEDIA_JOB_CONCURRENCY: wholeNumber(0, 256).optional(),
  MEDIA_JOB_STALE_SECONDS: wholeNumber(1, 86400).default(60),
  MEDIA_FFMPEG_TIMEOUT_SECONDS: wholeNumber(1, 86400).default(600),
  SMTP_URL: z.string().regex(/^smtps?:\/\/.+/, 'must be smtp://... or smtps://...').optional(),
  EMAIL_FROM: z.string().default('Pi Services Studio <no-reply@localhost>'),
  PI_API_KEY: z.string().min(1).optional(),
  PI_API_BASE_URL: url.optional(),
  PI_EUR_PER_PI: positiveDecimal.default('0.30'),
  PI_ONLY_LOGIN: bool.default(false),
  PI_SANDBOX: bool.default(false),
  PI_SANDBOX_LOCAL: bool.optional(),
  PI_HORIZON_URL: url.optional(),
  PI_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  PI_VALIDATION_KEY: z.string().default(''),
  // Payments (modules/payments): the network Pi payments must be on, Pi/ledger call timeout,
  // and the reconciler's interval (0 turns it off; unset: 60, or 0 when NODE_ENV=test, config.ts).
  PI_NETWORK: z.enum(['Pi Network', 'Pi Testnet'], { message: 'must be "Pi Network" (Mainnet) or "Pi Testnet"' }).default('Pi Testnet'),
  // The app's wallet: every user-to-app payment must pay it (Pi's to_address and the ledger destination).
  PI_APP_WALLET_ADDRESS: z.string().refine((v) => StrKey.isValidEd25519PublicKey(v), 'must be a Pi wallet address (G... with a valid checksum)').optional(),
  // The app wallet's secret seed (S...): signs refunds (App-to-User payments). Never logged or returned;
  // its public key must be PI_APP_WALLET_ADDRESS. Unset: refunds are off (the mounted sandbox's seed by default there).
  PI_WALLET_PRIVATE_SEED: z.string().refine((v) => StrKey.isValidEd25519SecretSeed(v), 'must be a Stellar secret seed (S... with a valid checksum)').optional(),
  // The mounted sandbox's fixed app wallet (a secret seed S...); its address is the default PI_APP_WALLET_ADDRESS there.
  PI_SANDBOX_APP_WALLET_SEED: z.string().refine((v) => StrKey.isValidEd25519SecretSeed(v), 'must be a Stellar secret seed (S... with a valid checksum)').optional(),
  // The mounted sandbox's approval window: an unapproved payment, or an approved one never signed, is cancelled after it.
  PI_SANDBOX_APPROVAL_TIMEOUT_MS: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1000, 'must be between 1000 and 3600000').max(3600000, 'must be between 1000 and 3600000').default(60000),
  // An approved payment the payer has not signed after this long is cancelled with Pi by the reconciler.
  PI_PAYMENT_EXPIRY_SECONDS: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(60, 'must be between 60 and 604800').max(604800, 'must be between 60 and 604800').default(900),
  PI_API_TIMEOUT_MS: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(100, 'must be between 100 and 120000').max(120000, 'must be between 100 and 120000').default(10000),
  PI_RECONCILE_INTERVAL_SECONDS: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(0, 'must be between 0 and 86400').max(86400, 'must be between 0 and 86400').optional(),
  RECAPTCHA_SITE_KEY: z.string().default(''),
  RECAPTCHA_SECRET_KEY: z.string().default(''),
  RECAPTCHA_MIN_SCORE: z.coerce
    .number({ message: 'must be a number' })
    .min(0, 'must be between 0 and 1')
    .max(1, 'must be between 0 and 1')
    .default(0.5),
  RECAPTCHA_VERIFY_URL: url.default('https://www.google.com/recaptcha/api/siteverify'),
  RATE_LIMIT_MAX: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').default(600),
  READ_CACHE_SECONDS: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(0, 'must be between 0 and 3600').max(3600, 'must be between 0 and 3600').default(30),
  // Requests per minute per API key (each key has its own counter; in Redis when REDIS_URL is set).
  // Checkouts, payments, cancels and inbox messages per signed-in customer and minute.
  CUSTOMER_WRITE_RATE_LIMIT_MAX: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').default(30),
  API_KEY_RATE_LIMIT_MAX: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').default(300),
  // Outgoing webhooks: loopback/private targets only when this is true (development and tests).
  WEBHOOKS_ALLOW_PRIVATE_TARGETS: bool.default(false),
  // This instance sends webhook deliveries (false: it only writes them to the outbox; another instance sends).
  WEBHOOKS_WORKER: bool.default(true),
  // How often the webhook worker looks for due deliveries besides right after each commit; 0 = only at start and after commits.
  WEBHOOKS_POLL_INTERVAL_SECONDS: wholeNumber(0, 3600).default(15),
  // One delivery attempt's timeout.
  WEBHOOKS_TIMEOUT_MS: wholeNumber(100, 60000).default(10000),
  REDIS_URL: z.string().regex(/^rediss?:\/\/.+/, 'must be redis://... or rediss://...').optional(),
  DEMO_DATA: bool.default(true),
  // With DEMO_DATA: pictures and preview clips for the demo items, made once at the first start.
  DEMO_MEDIA: bool.default(true),
  // Private files (the seller's CV): never served statically.
  PRIVATE_ROOT: z.string().optional(),
  // Brute-force lockout (accounts): N failures for one login from one IP within the window
  // lock that pair for the cool-off.
  AUTH_LOCKOUT_MAX_FAILURES: wholeNumber(1, 1000).default(5),
  AUTH_LOCKOUT_WINDOW_MINUTES: wholeNumber(1, 10080).default(15),
  AUTH_LOCKOUT_COOLOFF_MINUTES: wholeNumber(1, 10080).default(60),
});

export type RawEnv = z.infer<typeof envSchema>;
