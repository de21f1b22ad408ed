import { useState } from 'react';
import {
  ArrayField, BooleanField, Button, Datagrid, DateField, List, NumberField, Show, SimpleShowLayout, TextField,
  useNotify, useRecordContext, useRefresh, type ResourceProps,
} from 'react-admin';
import { dataProvider } from '../../dataProvider';

/** Answer the customer, or leave an internal note they never see. */
function ReplyForm() {
  const thread = useRecordContext<{ id: number }>();
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
        <TextField source="orderStatus" />
        <NumberField source="unread" />
        <DateField source="lastMessageAt" showTime />
      </Datagrid>
    </List>
  ),
  show: () => (
    <Show>
      <SimpleShowLayout>
        <TextField source="orderNumber" />
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
