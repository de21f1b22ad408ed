/** Scopes an app asks `Pi.authenticate` for. */
export type PiScope = 'username' | 'payments' | 'wallet_address';
export const PI_SCOPES: readonly PiScope[] = ['username', 'payments', 'wallet_address'];

/** Pi's UserDTO, as `GET /v2/me` answers it. */
export interface UserDTO {
  /** App-specific user identifier. */
  uid: string;
  /** Present only when the token was granted the `username` scope. */
  username?: string;
  credentials: {
    scopes: PiScope[];
    valid_until: { timestamp: number; iso8601: string };
  };
}
