import { randomBytes } from 'node:crypto';
import { PI_SCOPES, type PiScope } from '@pishop/pi-protocol';
import type { SandboxClock } from './clock';
import { invalidArguments } from './errors';
import { newAccessToken, newUid } from './ids';
import type { Ledger } from './ledger';
import { type Keypair, randomKeypair } from './stellar';

export interface UserRecord {
  uid: string;
  username: string;
  /** The Pioneer's wallet key: the sandbox signs their payments with it, as their wallet would. */
  keypair: Keypair;
  walletAddress: string;
}

export interface IssuedToken {
  user: UserRecord;
  accessToken: string;
  validUntil: Date;
  scopes: PiScope[];
}

const TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
const USERNAME = /^[A-Za-z0-9_.-]{1,40}$/;

/** Pioneers, their wallets and access tokens. A username names one Pioneer: asking again signs them in. */
export class Users {
  private readonly byUid = new Map<string, UserRecord>();
  private readonly byName = new Map<string, UserRecord>();
  private readonly tokens = new Map<string, { uid: string; validUntil: Date; scopes: PiScope[] }>();

  constructor(
    private readonly clock: SandboxClock,
    private readonly ledger: Ledger,
    /** Stroops each new wallet starts with. */
    private readonly startingBalance: bigint,
  ) {}

  /** Creates the user (or finds the one with that username) and issues a fresh token. */
  signIn(username?: unknown, scopes?: unknown): IssuedToken & { created: boolean } {
    if (username !== undefined && (typeof username !== 'string' || !USERNAME.test(username))) {
      throw invalidArguments('username must be 1-40 letters, digits, "_", "." or "-"');
    }
    const granted = parseScopes(scopes);
    const existing = typeof username === 'string' ? this.byName.get(username) : undefined;
    const user = existing ?? this.create(username ?? `pioneer_${randomBytes(4).toString('hex')}`);
    return { ...this.issueToken(user, granted), created: !existing };
  }

  /** A new access token for a known user, as each Pi.authenticate yields; every scope unless told. */
  issueToken(user: UserRecord, scopes: unknown = undefined): IssuedToken {
    const granted = parseScopes(scopes);
    const accessToken = newAccessToken();
    // Whole seconds, so valid_until's timestamp and iso8601 name the same instant.
    const validUntil = new Date(Math.floor((this.clock.nowMs() + TOKEN_TTL_MS) / 1000) * 1000);
    this.tokens.set(accessToken, { uid: user.uid, validUntil, scopes: granted });
    return { user, accessToken, validUntil, scopes: granted };
  }

  find(uid: string): UserRecord | undefined {
    return this.byUid.get(uid);
  }

  /** The token's owner, scopes and expiry, or undefined for an unknown or expired token. */
  authenticate(accessToken: string): IssuedToken | undefined {
    const token = this.tokens.get(accessToken);
    if (!token || token.validUntil.getTime() <= this.clock.nowMs()) return undefined;
    const user = this.byUid.get(token.uid);
    return user && { user, accessToken, validUntil: token.validUntil, scopes: token.scopes };
  }

  private create(username: string): UserRecord {
    const keypair = randomKeypair();
    const user = { uid: newUid(), username, keypair, walletAddress: keypair.publicKey() };
    this.ledger.openAccount(user.walletAddress, this.startingBalance);
    this.byUid.set(user.uid, user);
    this.byName.set(username, user);
    return user;
  }
}

function parseScopes(scopes: unknown): PiScope[] {
  if (scopes === undefined) return [...PI_SCOPES];
  const known = (s: unknown): s is PiScope => (PI_SCOPES as readonly unknown[]).includes(s);
  if (!Array.isArray(scopes) || !scopes.every(known)) {
    throw invalidArguments(`scopes must be an array of ${PI_SCOPES.join(', ')}`);
  }
  return [...new Set(scopes)];
}
