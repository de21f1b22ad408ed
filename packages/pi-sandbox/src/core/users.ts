import { randomBytes } from 'node:crypto';
import { invalidArguments } from './errors';
import { newAccessToken, newUid, newWalletAddress } from './ids';

export interface UserRecord {
  uid: string;
  username: string;
  walletAddress: string;
  scopes: string[];
}

export interface IssuedToken {
  user: UserRecord;
  accessToken: string;
  validUntil: Date;
}

// Pi grants every scope whatever authenticate asked for (its SDK reference says so).
const SCOPES = ['username', 'payments', 'wallet_address'];
const TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
const USERNAME = /^[A-Za-z0-9_.-]{1,40}$/;

/** Pioneers and their access tokens. A username names one Pioneer: asking again signs them in. */
export class Users {
  private readonly byUid = new Map<string, UserRecord>();
  private readonly byName = new Map<string, UserRecord>();
  private readonly tokens = new Map<string, { uid: string; validUntil: Date }>();

  /** Creates the user (or finds the one with that username) and issues a fresh token. */
  signIn(username?: unknown): IssuedToken & { created: boolean } {
    if (username !== undefined && (typeof username !== 'string' || !USERNAME.test(username))) {
      throw invalidArguments('username must be 1-40 letters, digits, "_", "." or "-"');
    }
    const existing = typeof username === 'string' ? this.byName.get(username) : undefined;
    const user = existing ?? this.create(username ?? `pioneer_${randomBytes(4).toString('hex')}`);
    return { ...this.issueToken(user), created: !existing };
  }

  /** A new access token for a known user, as each Pi.authenticate yields. */
  issueToken(user: UserRecord): IssuedToken {
    const accessToken = newAccessToken();
    // Whole seconds, so valid_until's timestamp and iso8601 name the same instant.
    const validUntil = new Date(Math.floor((Date.now() + TOKEN_TTL_MS) / 1000) * 1000);
    this.tokens.set(accessToken, { uid: user.uid, validUntil });
    return { user, accessToken, validUntil };
  }

  find(uid: string): UserRecord | undefined {
    return this.byUid.get(uid);
  }

  /** The token's owner and expiry, or undefined for an unknown or expired token. */
  authenticate(accessToken: string): IssuedToken | undefined {
    const token = this.tokens.get(accessToken);
    if (!token || token.validUntil.getTime() <= Date.now()) return undefined;
    const user = this.byUid.get(token.uid);
    return user && { user, accessToken, validUntil: token.validUntil };
  }

  private create(username: string): UserRecord {
    const user = { uid: newUid(), username, walletAddress: newWalletAddress(), scopes: SCOPES };
    this.byUid.set(user.uid, user);
    this.byName.set(username, user);
    return user;
  }
}
