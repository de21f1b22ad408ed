import {
  ArrayField, Datagrid, DateField, FunctionField, Link, List, NumberField, SearchInput, SelectInput, Show, SimpleShowLayout, TextField,
  type ResourceProps,
} from 'react-admin';
import { REFUND_STATUSES, type AdminRefund } from '@pishop/shared';
import { JsonField } from '../../components/JsonField';
import { StatusChip } from '../../components/StatusChip';

const statuses = REFUND_STATUSES.map((s) => ({ id: s, name: s }));

/** Links from a refund to its payment and order (a click on a link does not also open the row). */
const PaymentLink = () => (
  <FunctionField<AdminRefund> label="Payment" render={(r) => <Link to={`/payments/${r.paymentId}/show`} onClick={(e: React.MouseEvent) => e.stopPropagation()}>#{r.paymentId}</Link>} />
);
const OrderLink = () => (
  <FunctionField<AdminRefund> label="Order" render={(r) => <Link to={`/orders/${r.orderId}/show`} onClick={(e: React.MouseEvent) => e.stopPropagation()}>{r.orderNumber}</Link>} />
);

export const refunds: ResourceProps = {
  name: 'refunds',
  list: () => (
    <List filters={[<SearchInput source="q" alwaysOn key="q" />, <SelectInput source="status" choices={statuses} key="s" alwaysOn />]} sort={{ field: 'createdAt', order: 'DESC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <NumberField source="id" />
        <OrderLink />
        <PaymentLink />
        <StatusChip label="Status" />
        <TextField source="amountPi" label="π" />
        <TextField source="txid" emptyText="—" />
        <TextField source="reason" />
        <DateField source="createdAt" showTime />
      </Datagrid>
    </List>
  ),
  show: () => (
    <Show>
      <SimpleShowLayout>
        <OrderLink />
        <PaymentLink />
        <StatusChip label="Status" />
        <TextField source="amountPi" label="π" />
        <TextField source="reason" />
        <TextField source="piPaymentId" label="Pi payment (app to user)" emptyText="—" />
        <TextField source="txid" emptyText="—" />
        <TextField source="recipientUid" label="To (Pi uid)" />
        <TextField source="recipientAddress" label="To (wallet)" emptyText="—" />
        <TextField source="failureReason" emptyText="—" />
        <FunctionField<AdminRefund> label="Last error" render={(r) => (r.lastError ? `${r.lastError.code}: ${r.lastError.message}` : '—')} />
        <DateField source="createdAt" showTime />
        <DateField source="completedAt" showTime emptyText="—" />
        <ArrayField source="events" label="Audit trail">
          <Datagrid bulkActionButtons={false} rowClick={false}>
            <DateField source="createdAt" showTime />
            <TextField source="source" />
            <StatusChip source="outcome" label="Outcome" />
            <TextField source="statusAfter" label="Status" emptyText="—" />
            <TextField source="code" emptyText="" />
            <TextField source="message" />
            <JsonField source="rawPayload" label="Payload" />
          </Datagrid>
        </ArrayField>
      </SimpleShowLayout>
    </Show>
  ),
};

export { RefundButton, type RefundsDataProvider } from './RefundButton';
export { RefundsField } from './RefundsField';
