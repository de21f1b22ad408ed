import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { TargetStats } from './target';

/** A server under test in its own process (see target.ts). */
export class Target {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(kind: 'api' | 'bare' | 'sandbox', env: Record<string, string> = {}, extra: Record<string, string> = {}): Promise<Target> {
    const child = fork(path.join(__dirname, 'target.ts'), [], {
      execArgv: ['--import', 'tsx', ...(process.env.BENCH_CPU_PROF && kind === 'api' ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])],
      env: { ...process.env, ...extra, BENCH_TARGET: kind, BENCH_ENV: JSON.stringify(env) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${kind} server did not start within 120 s`)), 120_000);
      child.on('message', (msg: { type: string; url?: string }) => {
        if (msg.type === 'listening') {
          clearTimeout(timer);
          resolve(msg.url!);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${kind} server exited with ${code}`));
      });
    });
    return new Target(child, url);
  }

  stats(): Promise<TargetStats> {
    return new Promise((resolve) => {
      const onMessage = (msg: { type: string; stats?: TargetStats }) => {
        if (msg.type !== 'stats') return;
        this.child.off('message', onMessage);
        resolve(msg.stats!);
      };
      this.child.on('message', onMessage);
      this.child.send({ type: 'stats' });
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
}
