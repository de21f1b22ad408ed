import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { ErrorCodes, type DomainEvent, type WebhookDeliveryView, type WebhookEndpointView, WEBHOOK_DELIVERY_STATUSES } from '@pishop/shared';
import { AppError } from '../../lib/app-error';
import { fetchList, type ListParams, type ListResult, type SimpleRestSpec } from '../../lib/simple-rest';
import { WebhookDelivery, WebhookEndpoint } from './webhook.entity';
import type { CreateWebhookEndpointDto, UpdateWebhookEndpointDto } from './webhooks.dto';
import { targetRefusal } from './webhook-targets';

export const endpointsSpec: SimpleRestSpec = {
  resource: 'webhook-endpoints',
  sortable: { id: 'e.id', url: 'e.url', createdAt: 'e.createdAt' },
  defaultSort: ['id', 'DESC'],
  filters: { q: { type: 'search', columns: ['e.url', 'e.description'] }, id: { type: 'int', column: 'e.id' }, enabled: { type: 'boolean', column: 'e.enabled' } },
};

export const deliveriesSpec: SimpleRestSpec = {
  resource: 'webhook-deliveries',
  sortable: { id: 'd.id', queuedAt: 'd.queuedAt', status: 'd.status', attempts: 'd.attempts', nextAttemptAt: 'd.nextAttemptAt' },
  defaultSort: ['id', 'DESC'],
  filters: {
    id: { type: 'int', column: 'd.id' },
    endpointId: { type: 'int', column: 'd.endpointId' },
    status: { type: 'string', column: 'd.status', values: WEBHOOK_DELIVERY_STATUSES },
    type: { type: 'string', column: 'd.type' },
    eventId: { type: 'string', column: 'd.eventId' },
  },
};

const endpointNotFound = () => new AppError(ErrorCodes.WEBHOOK_ENDPOINT_NOT_FOUND, 'Webhook endpoint not found');
const deliveryNotFound = () => new AppError(ErrorCodes.WEBHOOK_DELIVERY_NOT_FOUND, 'Webhook delivery not found');

function endpointView(e: WebhookEndpoint): WebhookEndpointView {
  return { id: e.id, url: e.url, events: e.events, enabled: e.enabled, description: e.description, createdAt: e.createdAt.toISOString() };
}

function deliveryView(d: WebhookDelivery): WebhookDeliveryView & { queuedAt: string } {
  return {
    id: d.id,
    endpointId: d.endpointId,
    eventId: d.eventId,
    type: d.type,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    createdAt: d.queuedAt.toISOString(),
    queuedAt: d.queuedAt.toISOString(),
    payload: d.payload,
  };
}

export interface WebhooksServiceOptions {
  allowPrivateTargets: boolean;
  now: () => Date;
  /** Called when a delivery was queued outside a transaction (inside one, the commit hook kicks the worker). */
  queuedOutsideTransaction: () => void;
}

/** Endpoints and their deliveries (the outbox), written by the domain events' subscriber. */
export class WebhooksService {
  constructor(
    private readonly ds: DataSource,
    private readonly opts: WebhooksServiceOptions,
  ) {}

  /** Subscriber of every domain event: one delivery per enabled endpoint that wants it, in the publisher's transaction. */
  async enqueue(em: EntityManager, event: DomainEvent): Promise<void> {
    const endpoints = (await em.getRepository(WebhookEndpoint).find({ where: { enabled: true } })).filter((e) => e.events.includes(event.type));
    if (endpoints.length === 0) return;
    const now = this.opts.now();
    const id = randomUUID();
    const payload = JSON.stringify({ id, type: event.type, createdAt: now.toISOString(), data: event.data });
    const repo = em.getRepository(WebhookDelivery);
    await repo.insert(endpoints.map((e) => repo.create({ endpointId: e.id, eventId: id, type: event.type, payload, status: 'pending', attempts: 0, nextAttemptAt: now, queuedAt: now })));
    const qr = em.queryRunner;
    if (qr?.isTransactionActive) qr.data = { ...qr.data, webhooksQueued: true };
    else this.opts.queuedOutsideTransaction();
  }

  async createEndpoint(input: CreateWebhookEndpointDto): Promise<WebhookEndpointView & { secret: string }> {
    await this.checkTarget(input.url);
    const secret = input.secret ?? `whsec_${randomBytes(24).toString('base64url')}`;
    const repo = this.ds.getRepository(WebhookEndpoint);
    const saved = await repo.save(repo.create({ url: input.url, events: [...new Set(input.events)], secret, description: input.description ?? '', enabled: input.enabled ?? true }));
    return { ...endpointView(saved), secret };
  }

  async updateEndpoint(id: number, input: UpdateWebhookEndpointDto): Promise<WebhookEndpointView> {
    const e = await this.findEndpoint(id);
    await this.checkTarget(input.url);
    Object.assign(e, { url: input.url, events: [...new Set(input.events)], description: input.description ?? e.description, enabled: input.enabled ?? e.enabled });
    return endpointView(await this.ds.getRepository(WebhookEndpoint).save(e));
  }

  /** Deletes the endpoint; its pending deliveries end failed (their history stays). */
  async removeEndpoint(id: number): Promise<WebhookEndpointView> {
    return this.ds.transaction(async (em) => {
      const e = await em.getRepository(WebhookEndpoint).findOne({ where: { id } });
      if (!e) throw endpointNotFound();
      const view = endpointView(e);
      await em.getRepository(WebhookDelivery).update({ endpointId: id, status: 'pending' }, { status: 'failed', nextAttemptAt: null, lastError: 'The endpoint was deleted' });
      await em.getRepository(WebhookEndpoint).delete({ id });
      return view;
    });
  }

  async listEndpoints(params: ListParams): Promise<ListResult<WebhookEndpointView>> {
    const r = await fetchList(this.ds.getRepository(WebhookEndpoint).createQueryBuilder('e'), params);
    return { ...r, rows: r.rows.map(endpointView) };
  }

  async getEndpoint(id: number): Promise<WebhookEndpointView> {
    return endpointView(await this.findEndpoint(id));
  }

  async listDeliveries(params: ListParams): Promise<ListResult<WebhookDeliveryView>> {
    const r = await fetchList(this.ds.getRepository(WebhookDelivery).createQueryBuilder('d'), params);
    return { ...r, rows: r.rows.map(deliveryView) };
  }

  async getDelivery(id: number): Promise<WebhookDeliveryView> {
    const d = await this.ds.getRepository(WebhookDelivery).findOne({ where: { id } });
    if (!d) throw deliveryNotFound();
    return deliveryView(d);
  }

  /** Sends the same event (same id and body) again, as a new delivery with a fresh day of retries. */
  async resend(id: number): Promise<WebhookDeliveryView> {
    const d = await this.ds.getRepository(WebhookDelivery).findOne({ where: { id } });
    if (!d) throw deliveryNotFound();
    await this.findEndpoint(d.endpointId);
    const now = this.opts.now();
    const repo = this.ds.getRepository(WebhookDelivery);
    const copy = await repo.save(repo.create({ endpointId: d.endpointId, eventId: d.eventId, type: d.type, payload: d.payload, status: 'pending', attempts: 0, nextAttemptAt: now, queuedAt: now }));
    this.opts.queuedOutsideTransaction();
    return deliveryView(copy);
  }

  private async findEndpoint(id: number): Promise<WebhookEndpoint> {
    const e = await this.ds.getRepository(WebhookEndpoint).findOne({ where: { id } });
    if (!e) throw endpointNotFound();
    return e;
  }

  private async checkTarget(url: string): Promise<void> {
    const refusal = await targetRefusal(url, this.opts.allowPrivateTargets);
    if (refusal) throw new AppError(ErrorCodes.WEBHOOK_TARGET_NOT_ALLOWED, `The webhook URL ${refusal}`, { fields: { url: refusal } });
  }
}
