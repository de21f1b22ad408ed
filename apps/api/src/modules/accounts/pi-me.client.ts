import { AccountErrorCodes as C } from '@pishop/shared';
import { AppError } from '../../lib/app-error';
import { PiApiError, type PiClient } from '../../lib/pi-platform/pi-client';

/** Who owns a Pi access token; `username` only when Pi shares it (the `username` scope). */
export interface PiMe {
  uid: string;
  username: string | null;
}

/**
 * Asks Pi (`GET /v2/me`, through the app's one Pi client) who owns an access token. The only
 * identity we trust comes from here, never from the client.
 */
export async function fetchPiMe(client: PiClient, accessToken: string): Promise<PiMe> {
  try {
    const user = await client.me(accessToken);
    return { uid: user.uid, username: user.username ?? null };
  } catch (err) {
    if (err instanceof PiApiError && (err.status === 401 || err.status === 403)) {
      throw new AppError(C.PI_INVALID_TOKEN, 'Pi did not accept this sign-in; please sign in with Pi again');
    }
    if (err instanceof PiApiError) {
      throw new AppError(C.PI_UPSTREAM, err.isUnavailable ? 'Pi Network could not be reached; please try again' : `Pi Network answered in an unexpected way (${err.code}); please try again`);
    }
    throw err;
  }
}
