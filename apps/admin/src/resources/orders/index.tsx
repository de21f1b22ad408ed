import {
  ArrayField, Datagrid, DateField, List, NumberField, SearchInput, SelectInput, Show, SimpleShowLayout, TextField,
  TopToolbar, type ResourceProps,
} from 'react-admin';
import { ActionButton } from '../../components/ActionButton';
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
        <NumberField source="totalEurCents" label="Total (cents)" />
        <NumberField source="customerId" />
        <DateField source="createdAt" showTime />
        <DateField source="paidAt" showTime />
      </Datagrid>
    </List>
  ),
  show: () => (
    <Show actions={<TopToolbar><ActionButton resource="orders" action="cancel" label="Cancel order" reason="Why is this order cancelled? (the customer reads it)" /></TopToolbar>}>
      <SimpleShowLayout>
        <TextField source="number" />
        <StatusChip label="Status" />
        <NumberField source="customerId" />
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
            <TextField source="amountPi" />
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
