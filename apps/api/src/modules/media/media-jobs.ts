import os from 'node:os';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { FastifyBaseLogger } from 'fastify';
import { MediaJob } from './media.entity';
import { mediaJobStates } from './media.states';
import { randomBase } from './storage';

/** What a job's heavy part produced; applied in the transaction that marks the job done. */
export interface JobOutcome {
  apply(em: EntityManager): Promise<void>;
  /** After the commit (e.g. removing files that are no longer referenced). */
  afterCommit(): Promise<void>;
}

export interface JobHandler {
  /** Does the work (files, FFmpeg) without writing to the database; `signal` aborts on shutdown. */
  run(job: MediaJob, signal: AbortSignal): Promise<JobOutcome>;
  /** Records a failure on the media item, in the transaction that marks the job failed. */
  onFailed(em: EntityManager, job: MediaJob, reason: string): Promise<void>;
}

export interface RunnerOptions {
  ds: DataSource;
  log: FastifyBaseLogger;
  handler: JobHandler;
  /** Jobs run at once by this process; 0 = this instance runs none. */
  concurrency: number;
  /** A running job whose heartbeat is older is taken over (its process is gone). */
  staleMs: number;
  pollMs?: number;
}

/** A job that keeps dying with its process (a file that crashes the decoder) fails after this. */
export const MAX_ATTEMPTS = 3;

/** Claims of runners alive in this process (several apps may share one process in tests). */
const liveClaims = new Set<string>();

/**
 * Runs media jobs kept in the `media_jobs` table. A job is claimed with a conditional
 * UPDATE (`... WHERE status = 'queued'`), so several processes can share the table; a claim
 * carries `host:pid:token` and a heartbeat. At start and on every poll, jobs left `running`
 * by a dead process (same host and pid gone, or heartbeat older than `staleMs`) are queued
 * again. On shutdown, FFmpeg is killed and the claims are released for the next start.
 */
export class MediaJobRunner {
  readonly claimId = `${os.hostname()}:${process.pid}:${randomBase().slice(0, 12)}`;
  private readonly active = new Map<number, { promise: Promise<void>; abort: AbortController }>();
  private readonly waiters = new Set<() => void>();
  private timers: NodeJS.Timeout[] = [];
  private running = false;
  private ticking = false;
  private tickAgain = false;
  private lastRecovery = 0;
  private readonly pollMs: number;

  constructor(private readonly opts: RunnerOptions) {
    this.pollMs = opts.pollMs ?? 2000;
  }

  get concurrency(): number {
    return this.opts.concurrency;
  }

  /** Jobs this process is running now. */
  get activeCount(): number {
    return this.active.size;
  }

  async start(): Promise<void> {
    if (this.running || this.opts.concurrency === 0) return;
    this.running = true;
    liveClaims.add(this.claimId);
    const heartbeatMs = Math.max(250, Math.floor(this.opts.staleMs / 4));
    this.timers = [
      setInterval(() => void this.tick(), this.pollMs).unref(),
      setInterval(() => void this.heartbeat(), heartbeatMs).unref(),
    ];
    await this.tick();
  }

  /** Looks for work now (called after a job is queued in this process). */
  notify(): void {
    if (this.running) setImmediate(() => void this.tick());
  }

  /** Kills running FFmpeg processes, releases their claims and stops polling. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.timers.forEach(clearInterval);
    this.timers = [];
    for (const { abort } of this.active.values()) abort.abort();
    await Promise.allSettled([...this.active.values()].map((a) => a.promise));
    liveClaims.delete(this.claimId);
    this.wake();
  }

  /**
   * Resolves once no job is queued or running anywhere (tests, CLI); rejects after
   * `timeoutMs` or when this instance runs no jobs.
   */
  async drain(timeoutMs = 60_000): Promise<void> {
    if (!this.running) throw new Error('the media job runner is not running (MEDIA_JOB_CONCURRENCY=0 or stopped)');
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      this.lastRecovery = 0;
      await this.tick();
      const open = await this.opts.ds.getRepository(MediaJob).count({ where: { status: In(['queued', 'running']) } });
      if (open === 0 && this.active.size === 0) return;
      if (Date.now() > deadline) throw new Error(`media jobs still open after ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, 50);
        this.waiters.add(done);
      });
    }
  }

  private async tick(): Promise<void> {
    if (!this.running) return;
    if (this.ticking) {
      this.tickAgain = true;
      return;
    }
    this.ticking = true;
    try {
      do {
        this.tickAgain = false;
        if (Date.now() - this.lastRecovery >= this.pollMs) {
          this.lastRecovery = Date.now();
          await this.recover();
        }
        await this.fill();
      } while (this.tickAgain && this.running);
    } catch (err) {
      if (this.opts.ds.isInitialized) this.opts.log.warn({ err }, 'media jobs: poll failed');
    } finally {
      this.ticking = false;
    }
  }

  private async fill(): Promise<void> {
    while (this.running && this.active.size < this.opts.concurrency) {
      const job = await this.claimNext();
      if (!job) return;
      this.launch(job);
    }
  }

  /** The oldest queued job, claimed atomically (another process may win the race: try the next). */
  private async claimNext(): Promise<MediaJob | undefined> {
    const repo = this.opts.ds.getRepository(MediaJob);
    const candidates = await repo.find({ select: { id: true }, where: { status: 'queued' }, order: { id: 'ASC' }, take: 5 });
    for (const { id } of candidates) {
      mediaJobStates.transition('queued', 'running');
      const claimed = await this.opts.ds.transaction((em) =>
        em
          .createQueryBuilder()
          .update(MediaJob)
          .set({ status: 'running', claimedBy: this.claimId, heartbeatAt: new Date(), attempts: () => 'attempts + 1' })
          .where('id = :id AND status = :queued', { id, queued: 'queued' })
          .execute(),
      );
      if (claimed.affected === 1) return (await repo.findOneBy({ id })) ?? undefined;
    }
    return undefined;
  }

  private launch(job: MediaJob): void {
    const abort = new AbortController();
    const promise = this.execute(job, abort.signal)
      .catch((err) => this.opts.log.error({ err, jobId: job.id }, 'media jobs: unexpected error'))
      .finally(() => {
        this.active.delete(job.id);
        this.wake();
        this.notify();
      });
    this.active.set(job.id, { promise, abort });
  }

  private async execute(job: MediaJob, signal: AbortSignal): Promise<void> {
    const { ds, log, handler } = this.opts;
    const started = Date.now();
    let outcome: JobOutcome;
    try {
      outcome = await handler.run(job, signal);
    } catch (err) {
      if (signal.aborted) {
        await this.release(job);
        log.info({ jobId: job.id, mediaId: job.mediaId }, 'media job released for the next start');
        return;
      }
      await this.fail(job, messageOf(err));
      return;
    }
    let committed = false;
    try {
      await ds.transaction(async (em) => {
        if (!(await this.finish(em, job, 'done', null))) return;
        await outcome.apply(em);
        committed = true;
      });
    } catch (err) {
      await this.fail(job, messageOf(err));
      return;
    }
    if (!committed) {
      log.warn({ jobId: job.id }, 'media job: the claim was taken over; result left to the new owner');
      return;
    }
    await outcome.afterCommit().catch((err) => log.warn({ err, jobId: job.id }, 'media job: cleanup after success failed'));
    log.info({ jobId: job.id, mediaId: job.mediaId, task: job.task, ms: Date.now() - started }, 'media job done');
  }

  private async fail(job: MediaJob, reason: string, claim = this.claimId): Promise<void> {
    this.opts.log.warn({ jobId: job.id, mediaId: job.mediaId, reason }, 'media job failed');
    await this.opts.ds.transaction(async (em) => {
      if (await this.finish(em, job, 'failed', reason, claim)) await this.opts.handler.onFailed(em, job, reason);
    });
  }

  /** Marks the job done/failed if `claim` still holds it; false when it does not. */
  private async finish(em: EntityManager, job: MediaJob, to: 'done' | 'failed', error: string | null, claim = this.claimId) {
    mediaJobStates.transition('running', to);
    const result = await em
      .createQueryBuilder()
      .update(MediaJob)
      .set({ status: to, error: error?.slice(0, 1000) ?? null, finishedAt: new Date(), activeMediaId: null })
      .where('id = :id AND status = :running AND claimedBy = :claim', { id: job.id, running: 'running', claim })
      .execute();
    return result.affected === 1;
  }

  /** Gives a job back (shutdown): queued again, and the interrupted try does not count. */
  private async release(job: MediaJob): Promise<void> {
    mediaJobStates.transition('running', 'queued');
    await this.opts.ds.transaction((em) =>
      em
        .createQueryBuilder()
        .update(MediaJob)
        .set({ status: 'queued', claimedBy: null, heartbeatAt: null, attempts: () => 'attempts - 1' })
        .where('id = :id AND status = :running AND claimedBy = :claim', { id: job.id, running: 'running', claim: this.claimId })
        .execute(),
    ).catch((err) => this.opts.log.warn({ err, jobId: job.id }, 'media job: could not release the claim'));
  }

  private async heartbeat(): Promise<void> {
    if (!this.running || this.active.size === 0) return;
    await this.opts.ds.transaction((em) =>
      em
        .createQueryBuilder()
        .update(MediaJob)
        .set({ heartbeatAt: new Date() })
        .where('status = :running AND claimedBy = :claim', { running: 'running', claim: this.claimId })
        .execute(),
    ).catch((err) => this.opts.log.warn({ err }, 'media jobs: heartbeat failed'));
  }

  /** Requeues (or, after MAX_ATTEMPTS, fails) jobs whose runner is gone; returns how many. */
  async recover(): Promise<number> {
    let recovered = 0;
    const running = await this.opts.ds.getRepository(MediaJob).find({ where: { status: 'running' } });
    for (const job of running) {
      if (!job.claimedBy || job.claimedBy === this.claimId || !this.isStale(job)) continue;
      const claim = job.claimedBy;
      if (job.attempts >= MAX_ATTEMPTS) {
        await this.fail(job, `stopped ${job.attempts} times while processing (the process running it died)`, claim);
        recovered++;
        continue;
      }
      const requeued = await this.opts.ds.transaction((em) =>
        em
          .createQueryBuilder()
          .update(MediaJob)
          .set({ status: mediaJobStates.transition('running', 'queued'), claimedBy: null, heartbeatAt: null })
          .where('id = :id AND status = :running AND claimedBy = :claim', { id: job.id, running: 'running', claim })
          .execute(),
      );
      if (requeued.affected === 1) {
        recovered++;
        this.opts.log.warn({ jobId: job.id, mediaId: job.mediaId, claim }, 'media job resumed: its previous runner is gone');
      }
    }
    return recovered;
  }

  private isStale(job: MediaJob): boolean {
    if (claimIsDead(job.claimedBy!)) return true;
    const beat = job.heartbeatAt ? new Date(job.heartbeatAt).getTime() : 0;
    return Date.now() - beat > this.opts.staleMs;
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

/** A claim of this host whose process is gone (or of this process but no live runner). */
export function claimIsDead(claim: string): boolean {
  const [host, pidText] = claim.split(':');
  const pid = Number(pidText);
  if (host !== os.hostname() || !Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return !liveClaims.has(claim);
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function messageOf(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, 1000);
}
