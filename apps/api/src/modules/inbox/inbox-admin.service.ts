import type { DataSource } from 'typeorm';
import { MESSAGE_KINDS } from '@pishop/shared';
import { AppError } from '../../lib/app-error';
import { fetchList, type ListParams, type ListResult, type SimpleRestSpec } from '../../lib/simple-rest';
import { Message, Thread } from './thread.entity';
import type { InboxService, ThreadRead } from './inbox.service';
import { messageView } from './inbox.views';
import type { MessageView } from '@pishop/shared';

export const threadsSpec: SimpleRestSpec = {
  resource: 'threads',
  sortable: { id: 't.id', lastMessageAt: 't.lastMessageAt', orderId: 't.orderId', customerId: 't.customerId', createdAt: 't.createdAt' },
  defaultSort: ['lastMessageAt', 'DESC'],
  filters: {
    q: { type: 'search', columns: ['t.orderNumber'] },
    id: { type: 'int', column: 't.id' },
    orderId: { type: 'int', column: 't.orderId' },
    customerId: { type: 'int', column: 't.customerId' },
  },
  tieBreaker: 't.id',
};

export const messagesSpec: SimpleRestSpec = {
  resource: 'messages',
  sortable: { id: 'm.id', createdAt: 'm.createdAt' },
  defaultSort: ['id', 'ASC'],
  filters: {
    q: { type: 'search', columns: ['m.body'] },
    id: { type: 'int', column: 'm.id' },
    threadId: { type: 'int', column: 'm.threadId' },
    kind: { type: 'string', column: 'm.kind', values: MESSAGE_KINDS },
    internal: { type: 'boolean', column: 'm.internal' },
  },
};

export interface AdminThread {
  id: number;
  orderId: number;
  orderNumber: string;
  orderStatus: string;
  customerId: number;
  unread: number;
  lastMessageAt: string | null;
  createdAt: string;
}

/** Back office: every thread (with unread counts for the admin side) and every message. */
export class InboxAdminService {
  constructor(
    private readonly ds: DataSource,
    private readonly inbox: InboxService,
  ) {}

  async listThreads(params: ListParams): Promise<ListResult<AdminThread>> {
    const qb = this.ds.getRepository(Thread).createQueryBuilder('t');
    const result = await fetchList(qb, params);
    const unread = await this.inbox.unreadFor('admin', result.rows.map((t) => t.id));
    return {
      ...result,
      rows: result.rows.map((t) => ({
        id: t.id,
        orderId: t.orderId,
        orderNumber: t.orderNumber,
        orderStatus: t.orderStatus,
        customerId: t.customerId,
        unread: unread.get(t.id) ?? 0,
        lastMessageAt: t.lastMessageAt?.toISOString() ?? null,
        createdAt: t.createdAt.toISOString(),
      })),
    };
  }

  /** One thread with its messages (internal notes included); reading changes nothing. */
  async getThread(id: number, adminId: number): Promise<ThreadRead> {
    return this.inbox.getThread({ id: adminId, role: 'admin' }, id, { markRead: false });
  }

  /** Marks the thread read for the admin side (shared by all admins). */
  async markRead(id: number, adminId: number): Promise<{ id: number; unread: number }> {
    return this.inbox.markThreadRead({ id: adminId, role: 'admin' }, id);
  }

  async listMessages(params: ListParams): Promise<ListResult<MessageView & { threadId: number }>> {
    const result = await fetchList(this.ds.getRepository(Message).createQueryBuilder('m'), params);
    return { ...result, rows: result.rows.map((m) => ({ ...messageView(m), threadId: m.threadId })) };
  }

  async getMessage(id: number): Promise<MessageView & { threadId: number }> {
    const m = await this.ds.getRepository(Message).findOne({ where: { id } });
    if (!m) throw new AppError('MESSAGE_NOT_FOUND', 'Message not found');
    return { ...messageView(m), threadId: m.threadId };
  }

  async postMessage(adminId: number, input: { threadId: number; body: string; internal?: boolean }): Promise<MessageView & { threadId: number }> {
    const view = await this.inbox.post({ id: adminId, role: 'admin' }, input.threadId, input);
    return { ...view, threadId: input.threadId };
  }
}
