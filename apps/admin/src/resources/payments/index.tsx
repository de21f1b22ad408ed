import {
  ArrayField, BooleanField, BooleanInput, Button, Datagrid, DateField, List, NumberField, SelectInput, Show,
  SimpleShowLayout, TextField, TopToolbar, useListContext, useNotify, useRefresh, useUnselectAll, type ResourceProps,
} from 'react-admin';
import { ActionButton } from '../../components/ActionButton';
import { JsonField } from '../../components/JsonField';
import { StatusChip } from '../../components/StatusChip';
import { useAppDataProvider } from '../../hooks/useAppDataProvider';
import { formatEur, formatPi } from '../../format';
import { FunctionField, ReferenceField } from 'react-admin';
import { Link } from 'react-router-dom';
import { CustomerField } from '../../components/CustomerField';
import { RefundButton, RefundsField } from '../refunds';

const statuses = ['pending', 'initiated', 'confirmed', 'failed'].map((s) => ({ id: s, name: s }));

/** Bulk "mark failed" for stale payments; the reason is required and audited. */
function MarkFailedButton() {
  const { selectedIds } = useListContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll('payments');
  const dataProvider = useAppDataProvider();
  const run = () => {
    const reason = window.prompt('Why mark these payments failed? (kept in the audit trail)');
    if (!reason) return;
    dataProvider.action('payments/bulk-status', { ids: selectedIds, status: 'failed', reason }).then(
      (result) => {
        const { updated, skipped } = result as { updated: number[]; skipped: unknown[] };
        notify(`${updated.length} marked failed, ${skipped.length} skipped`, { type: 'info' });
        unselectAll();
        refresh();
      },
      (e: Error) => notify(e.message, { type: 'error' }),
    );
  };
  return <Button label="Mark failed" onClick={run} />;
}

export const payments: ResourceProps = {
  name: 'payments',
  list: () => (
    <List filters={[<SelectInput source="status" choices={statuses} key="s" alwaysOn />, <BooleanInput source="flagged" key="f" />]} sort={{ field: 'createdAt', order: 'DESC' }}>
      <Datagrid rowClick="show" bulkActionButtons={<MarkFailedButton />}>
        <NumberField source="id" />
        <TextField source="orderNumber" />
        <StatusChip label="Status" />
        <FunctionField label="π" sortBy="amountPi" render={(p: { amountPi: string }) => formatPi(p.amountPi)} />
        <FunctionField label="EUR" sortBy="priceEurCents" render={(p: { priceEurCents: number }) => formatEur(p.priceEurCents)} />
        <BooleanField source="flagged" />
        <TextField source="piPaymentId" />
        <DateField source="createdAt" showTime />
      </Datagrid>
    </List>
  ),
  show: () => (
    <Show
      actions={
        <TopToolbar>
          <ActionButton resource="payments" action="sync" label="Sync from Pi" />
          <ActionButton resource="payments" action="resolve-flag" label="Resolve flag" reason="How was this flag resolved?" when={(p) => p.flagged === true} />
          <RefundButton />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <ReferenceField source="orderId" reference="orders" link="show" label="Order">
          <TextField source="number" />
        </ReferenceField>
        <ReferenceField source="orderId" reference="orders" link={false} label="Customer">
          <CustomerField />
        </ReferenceField>
        <ReferenceField source="orderId" reference="orders" link={false} label="Inbox">
          <FunctionField render={(o: { threadId: number | null }) => (o.threadId ? <Link to={`/threads/${o.threadId}/show`}>Answer the customer</Link> : '—')} />
        </ReferenceField>
        <StatusChip label="Status" />
        <FunctionField label="π (snapshot)" render={(p: { amountPi: string }) => formatPi(p.amountPi)} />
        <FunctionField label="EUR (snapshot)" render={(p: { priceEurCents: number }) => formatEur(p.priceEurCents)} />
        <TextField source="eurPerPi" label="EUR per π (snapshot)" />
        <TextField source="piPaymentId" />
        <TextField source="txid" />
        <TextField source="piUserUid" />
        <BooleanField source="flagged" />
        <TextField source="flagReason" />
        <TextField source="failureReason" />
        <DateField source="confirmedAt" showTime />
        <TextField source="refundedPi" label="Refunded (π)" />
        <RefundsField />
        <ArrayField source="events" label="Audit trail">
          <Datagrid bulkActionButtons={false} rowClick={false}>
            <DateField source="createdAt" showTime />
            <TextField source="source" />
            <StatusChip source="outcome" label="Outcome" />
            <TextField source="code" />
            <TextField source="message" />
            <JsonField source="rawPayload" label="Payload" />
          </Datagrid>
        </ArrayField>
      </SimpleShowLayout>
    </Show>
  ),
};

export const paymentEvents: ResourceProps = {
  name: 'payment-events',
  options: { label: 'Payment events' },
  list: () => (
    <List sort={{ field: 'createdAt', order: 'DESC' }}>
      <Datagrid bulkActionButtons={false} rowClick={(_id, _r, record) => `/payments/${record.paymentId}/show`}>
        <DateField source="createdAt" showTime />
        <NumberField source="paymentId" />
        <TextField source="source" />
        <StatusChip source="outcome" label="Outcome" />
        <TextField source="code" />
        <TextField source="message" />
      </Datagrid>
    </List>
  ),
};
