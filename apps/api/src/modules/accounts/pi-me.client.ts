import { AccountErrorCodes as C } from '@pishop/shared';
import { AppError } from '../../lib/app-error';

/** What Pi's `GET /v2/me` answers for a user access token. */
export interface PiMe {
  uid: string;
  username: string;
}

const TIMEOUT_MS = 10_000;

/**
 * Asks the Pi Platform (PI_API_BASE_URL) who owns an access token. The only identity we
 * trust comes from here, never from the client. (Payments keep their own client for the
 * server-key endpoints; this one needs only the user's Bearer token.)
 */
export async function fetchPiMe(apiBaseUrl: string, accessToken: string): Promise<PiMe> {
  let res: Response;
  try {
    res = await fetch(`${apiBaseUrl}/v2/me`, {
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    throw upstream('Pi Network could not be reached; please try again');
  }
  if (res.status === 401 || res.status === 403) {
    throw new AppError(C.PI_INVALID_TOKEN, 'Pi did not accept this sign-in; please sign in with Pi again');
  }
  if (!res.ok) throw upstream(`Pi Network answered ${res.status}; please try again`);
  const body = (await res.json().catch(() => null)) as Partial<PiMe> | null;
  if (!body || typeof body.uid !== 'string' || !body.uid || typeof body.username !== 'string') {
    throw upstream('Pi Network answered in an unexpected shape');
  }
  return { uid: body.uid, username: body.username };
}

function upstream(message: string) {
  return new AppError(C.PI_UPSTREAM, message);
}
