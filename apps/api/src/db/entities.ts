import { LoginAttempt, PasswordResetToken, RefreshToken, RevokedAccessToken, User } from '../modules/accounts/entities';
import { Service, ServiceFaq, ServiceFeature } from '../modules/catalog/catalog.entity';
import { Post, Project, SitePage } from '../modules/content/content.entity';
import { Media, MediaJob } from '../modules/media/media.entity';
import { Order, OrderItem } from '../modules/orders/order.entity';
import { IdempotencyKey } from '../modules/orders/idempotency-key.entity';
import { Payment, PaymentEvent } from '../modules/payments/payment.entity';
import { PaymentLease } from '../modules/payments/payment-lease';
import { Refund, RefundEvent } from '../modules/payments/refunds/refund.entity';
import { Message, Thread } from '../modules/inbox/thread.entity';
import { ApiKey } from '../modules/api-keys/api-key.entity';
import { WebhookDelivery, WebhookEndpoint } from '../modules/webhooks/webhook.entity';

/**
 * Every TypeORM entity, registered explicitly so the list reads as the schema's table of
 * contents. Each domain module adds its own entities here.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const entities: Function[] = [
  // accounts
  User,
  RefreshToken,
  RevokedAccessToken,
  LoginAttempt,
  PasswordResetToken,
  // catalog
  Service,
  ServiceFeature,
  ServiceFaq,
  // content
  Post,
  Project,
  SitePage,
  // media
  Media,
  MediaJob,
  // orders
  Order,
  OrderItem,
  IdempotencyKey,
  // payments
  Payment,
  PaymentEvent,
  PaymentLease,
  Refund,
  RefundEvent,
  // inbox
  Thread,
  Message,
  // api-keys
  ApiKey,
  // webhooks
  WebhookEndpoint,
  WebhookDelivery,
];
