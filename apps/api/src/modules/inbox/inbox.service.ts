import type { DomainEvents } from '../../lib/domain-events';
import { In, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { MESSAGE_MAX_LENGTH, type MessageView, type OrderStatus, type Page, type PageQuery, type ThreadSummary, type UnreadCount } from '@pishop/shared';
import { AppError, forbidden } from '../../lib/app-error';
import { pageWindow, toPage } from '../../lib/pagination';
import { Message, Thread } from './thread.entity';
import type { InboxNotifier } from './inbox-notifier';
import { messageView, sideOf, threadSummary, type InboxViewer, type Side } from './inbox.views';

export const threadNotFound = () => new AppError('THREAD_NOT_FOUND', 'Thread not found');
const MAX_PAGE_MESSAGES = 200;

export interface ThreadRead {
  id: number;
  orderNumber: string;
  orderStatus: string;
  customerId: number;
  unread: number;
  hasMore: boolean;
  messages: MessageView[];
}

/**
 * One thread per order. Customers see their own threads (others are 404) and never see
 * internal notes; admins see and answer all. Read state is kept per side.
 */
export class InboxService {
  constructor(
    private readonly ds: DataSource,
    private readonly notifier: InboxNotifier,
    /** `thread.message_created` for messages the customer sees (internal notes are not announced). */
    private readonly events?: DomainEvents,
  ) {}

  /** Opens the order's thread; called inside checkout's transaction. */
  createThread(em: EntityManager, order: { id: number; number: string; status: OrderStatus; customerId: number }): Promise<Thread> {
    const repo = em.getRepository(Thread);
    return repo.save(
      repo.create({
        orderId: order.id,
        orderNumber: order.number,
        orderStatus: order.status,
        customerId: order.customerId,
        customerLastReadId: 0,
        adminLastReadId: 0,
        lastMessageAt: null,
      }),
    );
  }

  /** The orders module tells the thread when its order's status changes (inside that change's transaction). */
  async setOrderStatus(em: EntityManager, orderId: number, status: OrderStatus): Promise<void> {
    await em.getRepository(Thread).update({ orderId }, { orderStatus: status });
  }

  threadIdsFor(em: EntityManager, orderIds: number[]): Promise<Thread[]> {
    return orderIds.length ? em.getRepository(Thread).find({ where: { orderId: In(orderIds) } }) : Promise.resolve([]);
  }

  /**
   * A system message in the order's thread, inside the caller's transaction. Hand the returned
   * message to `notifyAfterCommit` once that transaction has committed.
   */
  async postSystem(em: EntityManager, orderId: number, body: string, opts: { internal?: boolean } = {}): Promise<Message> {
    const thread = await em.getRepository(Thread).findOne({ where: { orderId } });
    if (!thread) throw threadNotFound();
    return this.insert(em, thread, { kind: 'system', body, internal: !!opts.internal, authorId: null });
  }

  /** Emails the other side about committed messages (never throws; failures are logged). */
  notifyAfterCommit(messages: Message[]): Promise<void> {
    return this.notifier.notify(messages);
  }

  async listThreads(viewer: InboxViewer, query: PageQuery): Promise<Page<ThreadSummary>> {
    const window = pageWindow(query);
    const [threads, total] = await this.ds.getRepository(Thread).findAndCount({
      where: viewer.role === 'admin' ? {} : { customerId: viewer.id },
      order: { lastMessageAt: 'DESC', id: 'DESC' },
      skip: window.offset,
      take: window.pageSize,
    });
    const side = sideOf(viewer);
    const ids = threads.map((t) => t.id);
    const [unread, last] = await Promise.all([this.unreadByThread(side, ids), this.lastVisible(side, ids)]);
    const items = threads.map((t) =>
      threadSummary({ id: t.id, orderNumber: t.orderNumber, lastMessageAt: t.lastMessageAt }, unread.get(t.id) ?? 0, last.get(t.id)),
    );
    return toPage(items, total, window);
  }

  /** Reads a thread (newest messages, or older ones before `beforeId`) and marks it read for this side. */
  /** `markRead: false` reads without moving the viewer's read mark (the admin console marks read by its own call). */
  async getThread(viewer: InboxViewer, threadId: number, opts: { beforeId?: number; limit?: number; markRead?: boolean } = {}): Promise<ThreadRead> {
    const thread = await this.accessible(viewer, threadId);
    const side = sideOf(viewer);
    const limit = Math.min(Math.max(opts.limit ?? 100, 1), MAX_PAGE_MESSAGES);
    const qb = this.visible(side, this.ds.getRepository(Message).createQueryBuilder('m')).andWhere('m.threadId = :threadId', { threadId });
    if (opts.beforeId) qb.andWhere('m.id < :beforeId', { beforeId: opts.beforeId });
    const rows = await qb.orderBy('m.id', 'DESC').take(limit + 1).getMany();
    const hasMore = rows.length > limit;
    const messages = rows.slice(0, limit).reverse();
    const unread = (await this.unreadByThread(side, [thread.id])).get(thread.id) ?? 0;
    const newest = messages.at(-1)?.id;
    if (newest && !opts.beforeId && opts.markRead !== false) await this.ds.transaction((em) => markRead(em, thread.id, side, newest));
    return {
      id: thread.id,
      orderNumber: thread.orderNumber,
      orderStatus: thread.orderStatus,
      customerId: thread.customerId,
      unread,
      hasMore,
      messages: messages.map(messageView),
    };
  }

  async post(viewer: InboxViewer, threadId: number, input: { body: string; internal?: boolean }): Promise<MessageView> {
    const body = cleanBody(input.body);
    if (input.internal && viewer.role !== 'admin') throw forbidden('Only admins can write internal notes');
    const thread = await this.accessible(viewer, threadId);
    const message = await this.ds.transaction(async (em) => {
      const saved = await this.insert(em, thread, {
        kind: viewer.role === 'admin' ? 'admin' : 'customer',
        body,
        internal: viewer.role === 'admin' && !!input.internal,
        authorId: viewer.id,
      });
      await markRead(em, thread.id, sideOf(viewer), saved.id);
      return saved;
    });
    await this.notifyAfterCommit([message]);
    return messageView(message);
  }

  /** Marks everything the viewer can see in the thread as read; answers the thread's unread count after (0). */
  async markThreadRead(viewer: InboxViewer, threadId: number): Promise<{ id: number; unread: number }> {
    const thread = await this.accessible(viewer, threadId);
    const side = sideOf(viewer);
    const newest = await this.visible(side, this.ds.getRepository(Message).createQueryBuilder('m'))
      .andWhere('m.threadId = :threadId', { threadId }).orderBy('m.id', 'DESC').getOne();
    if (newest) await this.ds.transaction((em) => markRead(em, thread.id, side, newest.id));
    return { id: thread.id, unread: (await this.unreadByThread(side, [thread.id])).get(thread.id) ?? 0 };
  }

  async unreadCount(viewer: InboxViewer): Promise<UnreadCount> {
    const side = sideOf(viewer);
    const qb = this.unreadQuery(side).select('COUNT(*)', 'n').addSelect('COUNT(DISTINCT m.threadId)', 't');
    if (side === 'customer') qb.andWhere('t.customerId = :customerId', { customerId: viewer.id });
    const raw = await qb.getRawOne<{ n: string | number; t: string | number }>();
    return { unread: Number(raw?.n ?? 0), threads: Number(raw?.t ?? 0) };
  }

  private async accessible(viewer: InboxViewer, threadId: number): Promise<Thread> {
    const thread = await this.ds.getRepository(Thread).findOne({ where: { id: threadId } });
    if (!thread || (viewer.role !== 'admin' && thread.customerId !== viewer.id)) throw threadNotFound();
    return thread;
  }

  private async insert(em: EntityManager, thread: Thread, input: Pick<Message, 'kind' | 'body' | 'internal' | 'authorId'>): Promise<Message> {
    const repo = em.getRepository(Message);
    const saved = await repo.save(repo.create({ threadId: thread.id, ...input }));
    await em.getRepository(Thread).update({ id: thread.id }, { lastMessageAt: new Date() });
    if (!saved.internal) {
      await this.events?.publish(em, 'thread.message_created', { threadId: thread.id, orderNumber: thread.orderNumber, messageId: saved.id, kind: saved.kind });
    }
    return saved;
  }

  /** Messages a side may see: customers never see internal notes. */
  private visible(side: Side, qb: SelectQueryBuilder<Message>): SelectQueryBuilder<Message> {
    return side === 'customer' ? qb.where('m.internal = :internal', { internal: false }) : qb.where('1 = 1');
  }

  /** Visible messages from the other side (or the system) newer than this side's read mark. */
  private unreadQuery(side: Side) {
    const qb = this.ds.getRepository(Message).createQueryBuilder('m').innerJoin(Thread, 't', 't.id = m.threadId');
    if (side === 'customer') {
      return qb.where('m.id > t.customerLastReadId').andWhere('m.internal = :internal', { internal: false }).andWhere("m.kind <> 'customer'");
    }
    return qb.where('m.id > t.adminLastReadId').andWhere("m.kind <> 'admin'");
  }

  /** Unread counts per thread for one side. */
  unreadFor(side: Side, threadIds: number[]): Promise<Map<number, number>> {
    return this.unreadByThread(side, threadIds);
  }

  private async unreadByThread(side: Side, threadIds: number[]): Promise<Map<number, number>> {
    if (threadIds.length === 0) return new Map();
    const rows = await this.unreadQuery(side)
      .andWhere('m.threadId IN (:...threadIds)', { threadIds })
      .select('m.threadId', 'threadId')
      .addSelect('COUNT(*)', 'n')
      .groupBy('m.threadId')
      .getRawMany<{ threadId: number | string; n: number | string }>();
    return new Map(rows.map((r) => [Number(r.threadId), Number(r.n)]));
  }

  private async lastVisible(side: Side, threadIds: number[]): Promise<Map<number, Message>> {
    if (threadIds.length === 0) return new Map();
    const rows = await this.visible(side, this.ds.getRepository(Message).createQueryBuilder('m'))
      .andWhere('m.threadId IN (:...threadIds)', { threadIds })
      .select('MAX(m.id)', 'id')
      .groupBy('m.threadId')
      .getRawMany<{ id: number | string }>();
    const ids = rows.map((r) => Number(r.id));
    const messages = ids.length ? await this.ds.getRepository(Message).find({ where: { id: In(ids) } }) : [];
    return new Map(messages.map((m) => [m.threadId, m]));
  }
}

/** Moves a side's read mark forward (never back). */
async function markRead(em: EntityManager, threadId: number, side: Side, messageId: number): Promise<void> {
  const column = side === 'customer' ? 'customerLastReadId' : 'adminLastReadId';
  await em
    .createQueryBuilder()
    .update(Thread)
    .set({ [column]: messageId })
    .where('id = :threadId', { threadId })
    .andWhere(`${column} < :messageId`, { messageId })
    .execute();
}

/** Plain text: control characters other than tab and newlines removed, outer whitespace trimmed. */
export function cleanBody(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const body = String(raw ?? '').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/\r\n?/g, '\n').trim();
  if (body === '') throw new AppError('VALIDATION_FAILED', 'Invalid request: body must not be empty', { fields: { body: 'must not be empty' } });
  if ([...body].length > MESSAGE_MAX_LENGTH) {
    throw new AppError('VALIDATION_FAILED', `Invalid request: body is longer than ${MESSAGE_MAX_LENGTH} characters`, {
      fields: { body: `must be at most ${MESSAGE_MAX_LENGTH} characters` },
    });
  }
  return body;
}
