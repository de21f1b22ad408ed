import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aUser, fakeApi, refusal, renderPage, signedInAs } from '../../../../../test/helpers';
import { useUnreadCount } from '../../../../lib/unread-count';
import { ThreadPage } from '../thread-page';

const thread = (messages: { id: number; kind: string; body: string }[]) => ({
  id: 5, orderNumber: 'PS-1001', unread: 0, messages: messages.map((m) => ({ ...m, createdAt: '2030-01-01T10:00:00.000Z' })),
});

test('shows the conversation and sends a reply, which then appears and clears the box', async () => {
  const messages = [{ id: 1, kind: 'system', body: 'Payment received' }];
  const sent = fakeApi({
    ...signedInAs(aUser()),
    'GET /inbox/threads/5': () => thread(messages),
    'GET /inbox/unread-count': { unread: 0 },
    'POST /inbox/threads/5/messages': (body: unknown) => {
      const m = { id: 2, kind: 'customer', body: (body as { body: string }).body };
      messages.push(m);
      return { ...m, createdAt: '2030-01-01T10:01:00.000Z' };
    },
  });
  renderPage(<ThreadPage />, { path: '/inbox/5', route: '/inbox/:id' });
  expect(await screen.findByText('Payment received')).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();

  await userEvent.type(screen.getByLabelText('Your message'), 'When can we start?');
  await userEvent.click(screen.getByRole('button', { name: 'Send' }));
  expect(await screen.findByText('When can we start?')).toBeInTheDocument();
  await waitFor(() => expect(screen.getByLabelText('Your message')).toHaveValue(''));
  expect(sent.find((r) => r.method === 'POST' && r.url === '/inbox/threads/5/messages')?.body).toEqual({ body: 'When can we start?' });
});

function UnreadBadge() {
  const unread = useUnreadCount(true);
  return <span>unread: {unread.data?.unread ?? '?'}</span>;
}

test('reading the thread refreshes the unread badge at once (not only on its timer)', async () => {
  let unread = 3;
  const sent = fakeApi({
    ...signedInAs(aUser()),
    'GET /inbox/threads/5': () => {
      unread = 0;
      return thread([]);
    },
    'GET /inbox/unread-count': () => ({ unread }),
  });
  renderPage(<><UnreadBadge /><ThreadPage /></>, { path: '/inbox/5', route: '/inbox/:id' });
  await screen.findByRole('heading', { name: 'Order PS-1001' });
  expect(await screen.findByText('unread: 0')).toBeInTheDocument();
  expect(sent.filter((r) => r.url === '/inbox/unread-count').length).toBeGreaterThanOrEqual(2);
});

test('a refused reply is shown and the text is kept', async () => {
  fakeApi({
    ...signedInAs(aUser()),
    'GET /inbox/threads/5': thread([]),
    'POST /inbox/threads/5/messages': refusal(400, 'VALIDATION_FAILED', 'The message is too long'),
  });
  renderPage(<ThreadPage />, { path: '/inbox/5', route: '/inbox/:id' });
  await userEvent.type(await screen.findByLabelText('Your message'), 'Hello');
  await userEvent.click(screen.getByRole('button', { name: 'Send' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('The message is too long');
  expect(screen.getByLabelText('Your message')).toHaveValue('Hello');
});
