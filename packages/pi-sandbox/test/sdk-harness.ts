import vm from 'node:vm';
import type { PaymentDTO, PiAuthResult, PiScope } from '@pishop/pi-protocol';

export interface PiCallbacks {
  onReadyForServerApproval(paymentId: string): unknown;
  onReadyForServerCompletion(paymentId: string, txid: string): unknown;
  onCancel(paymentId: string): unknown;
  onError(error: Error & { code?: string }, payment?: PaymentDTO): unknown;
}

export interface PiSdk {
  init(config: { version: string; sandbox?: boolean; autoConfirm?: boolean | 'cancel' }): Promise<void>;
  authenticate(scopes: PiScope[], onIncompletePaymentFound: (payment: PaymentDTO) => void): Promise<PiAuthResult>;
  createPayment(data: { amount: number; memo: string; metadata: object }, callbacks: PiCallbacks): void;
}

/** localStorage as a browser keeps it for one origin; share one to act as the same browser. */
export class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const realTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The page's time, moved only by the test: the SDK's timers and Date.now() run on it, while its
 * HTTP calls are real. `runUntil` alternates "let every call in flight finish" and "fire the next
 * timer", so retries, delays and deadlines happen in a fixed order, with no real waiting.
 */
export class PageTime {
  private nowMs = Date.UTC(2030, 0, 1);
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();
  private readonly inFlight = new Set<Promise<unknown>>();

  now = (): number => this.nowMs;

  setTimeout = (fn: () => void, ms = 0): number => {
    const id = this.nextId++;
    this.timers.set(id, { at: this.nowMs + Math.max(0, ms), fn });
    return id;
  };

  clearTimeout = (id: number): void => {
    this.timers.delete(id);
  };

  /** Counts `work` as in flight until it settles (the page's fetches, the app server's calls). */
  track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    work.then(
      () => this.inFlight.delete(work),
      () => this.inFlight.delete(work),
    );
    return work;
  }

  /** Waits until no tracked call is in flight and the page has run everything it can without time passing. */
  async settle(): Promise<void> {
    const deadline = Date.now() + 10_000;
    for (let quietTicks = 0; quietTicks < 2; ) {
      await realTick();
      if (this.inFlight.size === 0) {
        quietTicks++;
        continue;
      }
      quietTicks = 0;
      await Promise.allSettled([...this.inFlight]);
      if (Date.now() > deadline) throw new Error('the page kept making calls for 10 s without settling');
    }
  }

  /** Runs the earliest timer, moving the page's time to it; false when none is set. */
  fireNext(): boolean {
    let next: [number, { at: number; fn: () => void }] | undefined;
    for (const entry of this.timers) if (!next || entry[1].at < next[1].at) next = entry;
    if (!next) return false;
    this.timers.delete(next[0]);
    this.nowMs = Math.max(this.nowMs, next[1].at);
    next[1].fn();
    return true;
  }

  /** Settles and fires timers until `check()` holds; fails loudly when nothing is left to run or after `maxTimers`. */
  async runUntil(check: () => boolean, maxTimers = 2000): Promise<void> {
    for (let fired = 0; ; fired++) {
      await this.settle();
      if (check()) return;
      if (fired >= maxTimers) throw new Error(`condition not met after ${maxTimers} timers`);
      if (!this.fireNext()) throw new Error('condition not met and the page has nothing left to run');
    }
  }

  /** Lets `ms` of page time pass, running everything due on the way. */
  async pass(ms: number): Promise<void> {
    const until = this.nowMs + ms;
    for (;;) {
      await this.settle();
      const due = [...this.timers.values()].some((t) => t.at <= until);
      if (!due || !this.fireNext()) break;
    }
    this.nowMs = until;
    await this.settle();
  }
}

/**
 * Fetches sdk.js from the sandbox and runs it as a page would (a classic script whose
 * document.currentScript is that URL), in a fresh global with localStorage, on `time` when given
 * (its timers and Date.now(); its fetches tracked), else on real time.
 */
export async function loadSdk(
  scriptUrl: string,
  storage = new MemoryStorage(),
  globals: Record<string, unknown> = {},
  time?: PageTime,
) {
  const res = await fetch(scriptUrl);
  if (!res.ok) throw new Error(`GET ${scriptUrl} answered ${res.status}`);
  const clock = time
    ? {
        setTimeout: time.setTimeout,
        clearTimeout: time.clearTimeout,
        Date: { now: time.now },
        // The body is read inside the tracked call, so "settled" means the SDK has its answer.
        fetch: (url: string, init?: RequestInit) =>
          time.track(
            fetch(url, init).then(async (r) => {
              const text = await r.text();
              return { ok: r.ok, status: r.status, text: async () => text };
            }),
          ),
      }
    : { setTimeout, clearTimeout, fetch };
  const window: Record<string, unknown> = {
    ...clock,
    console,
    localStorage: storage,
    document: { currentScript: { src: scriptUrl } },
    ...globals,
  };
  window.window = window;
  vm.runInNewContext(await res.text(), window, { filename: scriptUrl });
  return { Pi: window.Pi as PiSdk, storage, contentType: res.headers.get('content-type'), window };
}

export type CallbackEvent = { name: keyof PiCallbacks; args: unknown[]; at: number };

/**
 * Callbacks that record every call (at the page's time when given) and behave like an app server
 * (approve, complete); the server's calls count as in flight for `time.settle()`.
 */
export function recordingCallbacks(server: Partial<PiCallbacks> = {}, time?: PageTime) {
  const events: CallbackEvent[] = [];
  const record = (name: keyof PiCallbacks) => (...args: unknown[]) => {
    events.push({ name, args, at: time ? time.now() : Date.now() });
    const handler = server[name] as ((...a: unknown[]) => unknown) | undefined;
    const result = handler?.(...args);
    if (time && result instanceof Promise) time.track(result);
    return result;
  };
  const callbacks: PiCallbacks = {
    onReadyForServerApproval: record('onReadyForServerApproval'),
    onReadyForServerCompletion: record('onReadyForServerCompletion'),
    onCancel: record('onCancel'),
    onError: record('onError'),
  };
  const names = () => events.map((e) => e.name);
  const count = (name: keyof PiCallbacks) => events.filter((e) => e.name === name).length;
  return { callbacks, events, names, count };
}

/** Just enough DOM for the wallet dialog: elements, attributes, text, clicks. */
export class FakeElement {
  readonly style = { cssText: '' };
  readonly children: FakeElement[] = [];
  parent: FakeElement | null = null;
  textContent = '';
  type = '';
  onclick: (() => void) | null = null;
  private readonly attributes = new Map<string, string>();

  constructor(readonly tagName: string) {}

  setAttribute(name: string, value: string): void {
    this.attributes.set(name, String(value));
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  appendChild(child: FakeElement): FakeElement {
    child.parent = this;
    this.children.push(child);
    return child;
  }
  remove(): void {
    if (this.parent) this.parent.children.splice(this.parent.children.indexOf(this), 1);
    this.parent = null;
  }
  focus(): void {}
  click(): void {
    this.onclick?.();
  }
  /** The first descendant whose data-pi-sandbox attribute is `marker`. */
  find(marker: string): FakeElement | undefined {
    for (const child of this.children) {
      const hit = child.getAttribute('data-pi-sandbox') === marker ? child : child.find(marker);
      if (hit) return hit;
    }
    return undefined;
  }
  get text(): string {
    return this.textContent + this.children.map((c) => c.text).join(' ');
  }
}

export function fakeDocument(scriptUrl: string) {
  return { currentScript: { src: scriptUrl }, body: new FakeElement('body'), createElement: (tag: string) => new FakeElement(tag) };
}
