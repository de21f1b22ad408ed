interface Sleeper {
  until: number;
  timer: NodeJS.Timeout | undefined;
  wake(): void;
}

/**
 * The sandbox's one clock: real time plus an offset tests move forward, or a frozen instant that
 * only moves when told. Everything time-based reads it (approval windows, expiries, token
 * validity, created_at, ledger close times, delays), so a test can age the sandbox by minutes in
 * one call instead of waiting.
 */
export class SandboxClock {
  private offsetMs = 0;
  private frozenAt: number | null = null;
  private readonly sleepers = new Set<Sleeper>();
  private readonly listeners: (() => void)[] = [];

  nowMs(): number {
    return this.frozenAt ?? Date.now() + this.offsetMs;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  /** How far the clock is ahead of real time. */
  get offset(): number {
    return this.nowMs() - Date.now();
  }

  get frozen(): boolean {
    return this.frozenAt !== null;
  }

  /** Moves the clock forward, wakes the sleepers now due and runs what became due. */
  advance(ms: number): void {
    if (this.frozenAt !== null) this.frozenAt += ms;
    else this.offsetMs += ms;
    this.rearm();
    for (const listener of this.listeners) listener();
  }

  /** Frozen, the clock stands still between advances; thawed, it flows on from where it stood. */
  freeze(frozen: boolean): void {
    if (frozen && this.frozenAt === null) this.frozenAt = this.nowMs();
    if (!frozen && this.frozenAt !== null) {
      this.offsetMs = this.frozenAt - Date.now();
      this.frozenAt = null;
    }
    this.rearm();
  }

  /** Runs `listener` after every advance (the expiry sweep). */
  onAdvance(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Resolves once the clock reaches now + ms: in real time, or sooner when a test advances it. */
  sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const sleeper: Sleeper = {
        until: this.nowMs() + ms,
        timer: undefined,
        wake: () => {
          clearTimeout(sleeper.timer);
          this.sleepers.delete(sleeper);
          resolve();
        },
      };
      this.sleepers.add(sleeper);
      this.arm(sleeper);
    });
  }

  /** Releases every sleeper (the sandbox is closing: nothing may hang on it). */
  close(): void {
    for (const sleeper of [...this.sleepers]) sleeper.wake();
  }

  private rearm(): void {
    for (const sleeper of [...this.sleepers]) this.arm(sleeper);
  }

  // Wakes a due sleeper; otherwise a real timer for what is left, unless the clock is frozen.
  private arm(sleeper: Sleeper): void {
    clearTimeout(sleeper.timer);
    const left = sleeper.until - this.nowMs();
    if (left <= 0) return sleeper.wake();
    if (this.frozenAt !== null) return;
    sleeper.timer = setTimeout(() => this.arm(sleeper), left);
    sleeper.timer.unref();
  }
}
