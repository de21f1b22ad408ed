import { render, screen, within } from '@testing-library/react';
import type { RefundSummary } from '@pishop/shared';
import { RefundsSection } from '../refunds-section';

const refund = (over: Partial<RefundSummary>): RefundSummary => ({
  id: 1, paymentId: 7, status: 'completed', amountPi: '33.3333334', txid: 'ab'.repeat(32), reason: 'Paid twice', createdAt: '2031-01-01T10:00:00.000Z', completedAt: '2031-01-01T10:00:01.000Z', ...over,
});

test('lists each refund with its status, amount, reason and transaction', () => {
  render(<RefundsSection refunds={[refund({}), refund({ id: 2, status: 'submitted', amountPi: '1.5000000', txid: null, reason: 'Goodwill' })]} />);
  const section = screen.getByRole('region', { name: 'Refunds' });
  const [done, onItsWay] = within(section).getAllByTestId('refund');
  expect(within(done).getByText('refunded')).toBeInTheDocument();
  expect(within(done).getByText('33.3333334 π')).toBeInTheDocument();
  expect(within(done).getByText('ab'.repeat(32))).toBeInTheDocument();
  expect(within(onItsWay).getByText('on its way')).toBeInTheDocument();
  expect(within(onItsWay).getByText('1.5 π')).toBeInTheDocument();
  expect(within(onItsWay).getByText('—')).toBeInTheDocument();
});

test('shows nothing when there is no refund', () => {
  const { container } = render(<RefundsSection refunds={[]} />);
  expect(container).toBeEmptyDOMElement();
});
