import type { FastifyBaseLogger } from 'fastify';

export type CounterProvider = () => Promise<number>;

/**
 * Counters for the home page's stats strip that other modules own. The orders module
 * registers `completedOrders` when it loads:
 *
 *   app.homeCounters.register('completedOrders', () => orders.countCompleted());
 *
 * A counter nobody registered reads 0; a failing provider is logged and reads 0 (the
 * strip is decoration, the home page must still answer).
 */
export class HomeCounterRegistry {
  private readonly providers = new Map<string, CounterProvider>();

  constructor(private readonly log?: FastifyBaseLogger) {}

  register(name: string, provider: CounterProvider): void {
    this.providers.set(name, provider);
  }

  async read(name: string): Promise<number> {
    const provider = this.providers.get(name);
    if (!provider) return 0;
    try {
      const value = await provider();
      return Number.isFinite(value) && value >= 0 ? Math.floor(value) : 0;
    } catch (err) {
      this.log?.warn({ err, counter: name }, 'home counter failed; showing 0');
      return 0;
    }
  }
}
