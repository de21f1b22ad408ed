import { ArrayField, Datagrid, DateField, TextField } from 'react-admin';
import { StatusChip } from '../../components/StatusChip';

/** The refunds of a payment or an order (their `refunds` array); a row opens the refund. */
export function RefundsField({ label = 'Refunds' }: { label?: string }) {
  return (
    <ArrayField source="refunds" label={label}>
      <Datagrid bulkActionButtons={false} rowClick={(id) => `/refunds/${id}/show`} empty={<span>No refunds</span>}>
        <StatusChip label="Status" />
        <TextField source="amountPi" label="π" />
        <TextField source="txid" emptyText="—" />
        <TextField source="reason" />
        <DateField source="createdAt" showTime />
      </Datagrid>
    </ArrayField>
  );
}
