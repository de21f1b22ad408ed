import {
  BooleanField, BooleanInput, Button, Datagrid, DateField, DeleteButton, Edit, List, SearchInput, SelectInput,
  SimpleForm, TextField, TextInput, useNotify, useRecordContext, type ResourceProps,
} from 'react-admin';
import { dataProvider } from '../../dataProvider';

const roles = [
  { id: 'customer', name: 'Customer' },
  { id: 'admin', name: 'Administrator' },
];

/** Clears every sign-in lockout of this user (all IPs). */
function UnlockButton() {
  const user = useRecordContext<{ id: number }>();
  const notify = useNotify();
  if (!user) return null;
  const unlock = () =>
    dataProvider.action(`users/${user.id}/unlock`).then(
      () => notify('Sign-in unlocked', { type: 'info' }),
      (e: Error) => notify(e.message, { type: 'error' }),
    );
  return <Button label="Unlock sign-in" onClick={unlock} />;
}

export const users: ResourceProps = {
  name: 'users',
  list: () => (
    <List filters={[<SearchInput source="q" alwaysOn key="q" />, <SelectInput source="role" choices={roles} key="role" />]} sort={{ field: 'createdAt', order: 'DESC' }}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <TextField source="username" />
        <TextField source="email" />
        <TextField source="role" />
        <BooleanField source="isActive" label="Active" />
        <TextField source="piUsername" label="Pi" />
        <DateField source="lastLoginAt" showTime />
      </Datagrid>
    </List>
  ),
  edit: () => (
    <Edit mutationMode="pessimistic" actions={<UnlockButton />}>
      <SimpleForm>
        <TextInput source="displayName" fullWidth />
        <SelectInput source="role" choices={roles} />
        <BooleanInput source="isActive" label="Active" />
      </SimpleForm>
    </Edit>
  ),
};

export const loginLockouts: ResourceProps = {
  name: 'login-lockouts',
  options: { label: 'Sign-in lockouts' },
  list: () => (
    <List sort={{ field: 'lastFailureAt', order: 'DESC' }}>
      <Datagrid bulkActionButtons={false}>
        <TextField source="login" />
        <TextField source="ip" />
        <TextField source="failures" />
        <BooleanField source="locked" />
        <DateField source="lockedUntil" showTime />
        <DeleteButton label="Unlock" mutationMode="pessimistic" />
      </Datagrid>
    </List>
  ),
};
