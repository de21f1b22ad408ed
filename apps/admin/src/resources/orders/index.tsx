import {
  ArrayField, Datagrid, DateField, List, NumberField, SearchInput, SelectInput, Show, SimpleShowLayout, TextField,
  TopToolbar, type ResourceProps,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { FunctionField } from 'react-admin';
import { ActionButton } from '../../components/ActionButton';
import { CustomerField } from '../../components/CustomerField';
import { EurField, PiField } from '../../components/MoneyFields';
import { PriceField } from '../../components/PriceField';
import { StatusChip } from '../../components/StatusChip';
import { RefundsField } from '../refunds';

const statuses = ['pending', 'paid', 'cancelled'].map((s) => ({ id: s, name: s }));

export const orders: ResourceProps = {
  name: 'orders',
  list: () => (
    <List filters={[<SearchInput source="q" alwaysOn key="q" />, <SelectInput source="status" choices={statuses} key="s" />]} sort={{ field: 'createdAt', order: 'DESC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="number" />
        <StatusChip label="Status" />
        <EurField source="totalEurCents" label="Total" />
        <PiField source="totalPi" label="π" sortBy="totalEurCents" />
        <CustomerField />
        <DateField source="createdAt" showTime />
        <DateField source="paidAt" showTime />
      </Datagrid>
    </List>
  ),
  show: () => (
    <Show actions={<TopToolbar><ActionButton resource="orders" action="cancel" label="Cancel order" reason="Why is this order cancelled? (the customer reads it)" when={(o) => o.status === 'pending'} /></TopToolbar>}>
      <SimpleShowLayout>
        <TextField source="number" />
        <StatusChip label="Status" />
        <CustomerField />
        <EurField source="totalEurCents" label="Total" />
        <PiField source="totalPi" label="Total π" />
        <FunctionField label="Inbox" render={(o: { threadId: number | null }) => (o.threadId ? <Link to={`/threads/${o.threadId}/show`}>Open the conversation</Link> : '—')} />
        <ArrayField source="items">
          <Datagrid bulkActionButtons={false} rowClick={false}>
            <TextField source="title" />
            <PriceField label="Price" />
          </Datagrid>
        </ArrayField>
        <ArrayField source="payments">
          <Datagrid bulkActionButtons={false} rowClick={(id) => `/payments/${id}/show`}>
            <NumberField source="id" />
            <StatusChip label="Status" />
            <PiField source="amountPi" label="π" />
            <TextField source="piPaymentId" />
            <TextField source="txid" />
          </Datagrid>
        </ArrayField>
        <RefundsField />
        <DateField source="createdAt" showTime />
        <DateField source="paidAt" showTime />
      </SimpleShowLayout>
    </Show>
  ),
};
