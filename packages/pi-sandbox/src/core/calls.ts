import type { SandboxCall } from '../types';

// Enough for any test run; the oldest calls go first beyond it, so memory stays bounded.
const MAX_CALLS = 10_000;

/** The Platform API calls received, in arrival order, so tests can count Pi calls exactly. */
export class CallLog {
  private calls: SandboxCall[] = [];

  /** Records an arriving call; the returned entry gets its status when the answer is sent. */
  record(call: Omit<SandboxCall, 'status'>): SandboxCall {
    const entry: SandboxCall = { ...call, status: null };
    this.calls.push(entry);
    if (this.calls.length > MAX_CALLS) this.calls.splice(0, this.calls.length - MAX_CALLS);
    return entry;
  }

  /** Calls matching the filters: `path` is a route pattern or a concrete path, `method` any case. */
  list(filter: { method?: string; path?: string } = {}): SandboxCall[] {
    const method = filter.method?.toUpperCase();
    return this.calls
      .filter((c) => (!method || c.method === method) && (!filter.path || c.path === filter.path || c.route === filter.path))
      .map((c) => ({ ...c }));
  }

  clear(): void {
    this.calls = [];
  }
}
