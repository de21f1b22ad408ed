import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  ArrayField, BooleanField, Button, Datagrid, DateField, FunctionField, List, NumberField, ReferenceField, Show, SimpleShowLayout, TextField,
  useNotify, useRecordContext, useRefresh, type ResourceProps,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { useAppDataProvider } from '../../hooks/useAppDataProvider';

/** Opening a thread marks it read (its own call: reading the thread has no side effect). */
function MarkRead() {
  const thread = useRecordContext<{ id: number; unread: number }>();
  const dataProvider = useAppDataProvider();
  const queryClient = useQueryClient();
  const id = thread?.id;
  const unread = thread?.unread ?? 0;
  useEffect(() => {
    if (!id || unread === 0) return;
    void dataProvider.markThreadRead(id).then(() => queryClient.invalidateQueries({ queryKey: ['inbox-unread'] }), () => undefined);
  }, [id, unread, dataProvider, queryClient]);
  return null;
}

/** Answer the customer, or leave an internal note they never see. */
function ReplyForm() {
  const thread = useRecordContext<{ id: number }>();
  const dataProvider = useAppDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  if (!thread) return null;
  const send = () =>
    dataProvider.action(`threads/${thread.id}/messages`, { body, internal }).then(
      () => {
        setBody('');
        notify(internal ? 'Note saved' : 'Answer sent', { type: 'info' });
        refresh();
      },
      (e: Error) => notify(e.message, { type: 'error' }),
    );
  return (
    <div style={{ marginTop: 16 }}>
      <textarea aria-label="Message" rows={4} style={{ width: '100%' }} value={body} onChange={(e) => setBody(e.target.value)} />
      <label>
        <input type="checkbox" checked={internal} onChange={(e) => setInternal(e.target.checked)} /> Internal note
      </label>
      <Button label={internal ? 'Save note' : 'Send answer'} onClick={send} disabled={!body.trim()} />
    </div>
  );
}

export const threads: ResourceProps = {
  name: 'threads',
  options: { label: 'Inbox' },
  list: () => (
    <List sort={{ field: 'lastMessageAt', order: 'DESC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="orderNumber" />
        <ReferenceField source="customerId" reference="users" label="Customer" link="edit">
          <FunctionField render={(u: { displayName?: string; username: string; email?: string }) => `${u.displayName || u.username}${u.email ? ` <${u.email}>` : ''}`} />
        </ReferenceField>
        <TextField source="orderStatus" />
        <NumberField source="unread" />
        <DateField source="lastMessageAt" showTime />
      </Datagrid>
    </List>
  ),
  show: () => (
    <Show>
      <SimpleShowLayout>
        <MarkRead />
        <FunctionField label="Order" render={(t: { orderId?: number; orderNumber: string }) => <Link to={`/orders?filter=${encodeURIComponent(JSON.stringify({ q: t.orderNumber }))}`}>{t.orderNumber}</Link>} />
        <ReferenceField source="customerId" reference="users" label="Customer" link="edit">
          <FunctionField render={(u: { displayName?: string; username: string; email?: string }) => `${u.displayName || u.username}${u.email ? ` <${u.email}>` : ''}`} />
        </ReferenceField>
        <ArrayField source="messages">
          <Datagrid bulkActionButtons={false} rowClick={false}>
            <DateField source="createdAt" showTime />
            <TextField source="kind" />
            <BooleanField source="internal" />
            <TextField source="body" />
          </Datagrid>
        </ArrayField>
        <ReplyForm />
      </SimpleShowLayout>
    </Show>
  ),
};
