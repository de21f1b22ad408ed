import vm from 'node:vm';
import type { PiPayment } from '../src';

export interface PiCallbacks {
  onReadyForServerApproval(paymentId: string): unknown;
  onReadyForServerCompletion(paymentId: string, txid: string): unknown;
  onCancel(paymentId: string): unknown;
  onError(error: Error & { code?: string }, payment?: PiPayment): unknown;
}

export interface PiSdk {
  init(config: { version: string; sandbox?: boolean; autoConfirm?: boolean | 'cancel' }): Promise<void>;
  authenticate(
    scopes: string[],
    onIncompletePaymentFound: (payment: PiPayment) => void,
  ): Promise<{ accessToken: string; user: { uid: string; username: string } }>;
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

/**
 * Fetches sdk.js from the sandbox and runs it as a page would (a classic script whose
 * document.currentScript is that URL), in a fresh global with fetch, timers and localStorage.
 */
export async function loadSdk(scriptUrl: string, storage = new MemoryStorage(), globals: Record<string, unknown> = {}) {
  const res = await fetch(scriptUrl);
  if (!res.ok) throw new Error(`GET ${scriptUrl} answered ${res.status}`);
  const window: Record<string, unknown> = {
    fetch,
    setTimeout,
    clearTimeout,
    console,
    localStorage: storage,
    document: { currentScript: { src: scriptUrl } },
    ...globals,
  };
  window.window = window;
  vm.runInNewContext(await res.text(), window, { filename: scriptUrl });
  return { Pi: window.Pi as PiSdk, storage, contentType: res.headers.get('content-type') };
}

export type CallbackEvent = { name: keyof PiCallbacks; args: unknown[]; at: number };

/** Callbacks that record every call and behave like an app server (approve, complete). */
export function recordingCallbacks(server: Partial<PiCallbacks> = {}) {
  const events: CallbackEvent[] = [];
  const record = (name: keyof PiCallbacks) => (...args: unknown[]) => {
    events.push({ name, args, at: Date.now() });
    const handler = server[name] as ((...a: unknown[]) => unknown) | undefined;
    return handler?.(...args);
  };
  const callbacks: PiCallbacks = {
    onReadyForServerApproval: record('onReadyForServerApproval'),
    onReadyForServerCompletion: record('onReadyForServerCompletion'),
    onCancel: record('onCancel'),
    onError: record('onError'),
  };
  const names = () => events.map((e) => e.name);
  return { callbacks, events, names };
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
