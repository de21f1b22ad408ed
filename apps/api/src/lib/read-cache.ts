/**
 * Answers to public reads, kept in memory and tagged with a version. Any change that could
 * alter a public read (an admin write, a post's publish time passing) moves the version on,
 * which drops every entry at once and changes every ETag; entries also expire after
 * `ttlMs` for what changes without an admin write (counters, finished media jobs).
 *
 * The ETag is the version itself (plus the time slice), so a matching `If-None-Match` is
 * answered 304 before any query. Several instances share the version through Redis (see the
 * read-cache plugin); one instance counts it locally from its start time.
 */
export interface CachedRead {
  body: string;
  contentType: string;
  etag: string;
}

export class ReadCache {
  private version: string;
  private local = 0;
  private readonly entries = new Map<string, CachedRead & { version: string }>();
  private nextBoundary = Infinity;
  private readonly boundaryProviders: (() => Promise<number | null>)[] = [];

  constructor(
    readonly ttlMs: number,
    private readonly maxEntries = 2000,
    private readonly now: () => number = Date.now,
  ) {
    this.version = now().toString(36);
  }

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  /** The version requests are answered under now (the shared version, local bumps and the time slice). */
  current(): string {
    const t = this.now();
    if (t >= this.nextBoundary) this.bumpLocal();
    return `${this.version}.${this.local}.${Math.floor(t / this.ttlMs).toString(36)}`;
  }

  etagFor(version: string): string {
    return `W/"r${version}"`;
  }

  get(key: string, version: string): CachedRead | undefined {
    const e = this.entries.get(key);
    return e && e.version === version ? e : undefined;
  }

  set(key: string, version: string, read: CachedRead): void {
    if (version !== this.current()) return; // computed across a change: do not keep it
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { ...read, version });
  }

  /** A change on this instance (the plugin also tells the others). */
  bumpLocal(): void {
    this.local += 1;
    this.entries.clear();
    this.nextBoundary = Infinity;
    void this.refreshBoundaries();
  }

  /** The shared version moved (another instance changed something). */
  adoptShared(version: string): void {
    if (version === this.version) return;
    this.version = version;
    this.bumpLocal();
  }

  /**
   * A module names the next moment its public reads change by themselves (a scheduled post's
   * publish time); the version moves on when it passes. Asked again after every change.
   */
  addBoundary(provider: () => Promise<number | null>): void {
    this.boundaryProviders.push(provider);
    void this.refreshBoundaries();
  }

  private async refreshBoundaries(): Promise<void> {
    for (const provider of this.boundaryProviders) {
      const at = await provider().catch(() => null);
      if (at !== null && at < this.nextBoundary) this.nextBoundary = at;
    }
  }
}
