import { ErrorCodes, type OrderStatus } from '@pishop/shared';
import { stateMachine } from '../../lib/state-machine';

/** pending → paid | cancelled; a paid order is never cancelled, a cancelled one never paid. */
export const orderStateMachine = stateMachine<OrderStatus>('order', {
  pending: ['paid', 'cancelled'],
  paid: [],
  cancelled: [],
}, ErrorCodes.ORDER_INVALID_TRANSITION);
