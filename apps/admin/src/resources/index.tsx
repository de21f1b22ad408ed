import type { ResourceProps } from 'react-admin';
import { media } from './media';
import { orders } from './orders';
import { paymentEvents, payments } from './payments';
import { refunds } from './refunds';
import { threads } from './threads';
import { pages } from './pages';
import { posts } from './posts';
import { projects } from './projects';
import { services } from './services';
import { loginLockouts, users } from './users';
import { apiKeys, webhookDeliveries, webhookEndpoints } from './partners';

/** Every back-office resource, served by /api/v1/admin/<name>. */
export const resources: ResourceProps[] = [orders, payments, refunds, paymentEvents, threads, services, posts, projects, pages, media, users, loginLockouts, apiKeys, webhookEndpoints, webhookDeliveries];
