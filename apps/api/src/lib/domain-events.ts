import type { EntityManager } from 'typeorm';
import type { DomainEvent, DomainEventMap, DomainEventType } from '@pishop/shared';

/** A subscriber runs inside the publisher's transaction: what it writes commits (or rolls back) with the change. */
export type DomainEventHandler<T extends DomainEventType = DomainEventType> = (em: EntityManager, event: DomainEvent<T>) => Promise<void>;

/**
 * The modules' announcements ("order paid", "payment confirmed", ...). A module publishes
 * what it did; modules registered later subscribe at their registration. Handlers run in
 * the publisher's transaction, so an outbox row or a counter commits with the change.
 * Work that must not roll back (mail) stays after commit, in the publishing service.
 */
export class DomainEvents {
  private readonly handlers = new Map<DomainEventType, DomainEventHandler[]>();
  private readonly everyEvent: DomainEventHandler[] = [];

  on<T extends DomainEventType>(type: T, handler: DomainEventHandler<T>): void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler as DomainEventHandler);
    this.handlers.set(type, list);
  }

  /** Every event, whatever its type (an outbox, an audit log). */
  onAny(handler: DomainEventHandler): void {
    this.everyEvent.push(handler);
  }

  async publish<T extends DomainEventType>(em: EntityManager, type: T, data: DomainEventMap[T]): Promise<void> {
    const event: DomainEvent<T> = { type, data };
    for (const handler of [...(this.handlers.get(type) ?? []), ...this.everyEvent]) await handler(em, event as DomainEvent);
  }
}
