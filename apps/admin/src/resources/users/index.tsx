import { Avatar } from '@mui/material';
import {
  BooleanField, BooleanInput, BulkUpdateButton, Button, Datagrid, DateField, DeleteButton, Edit, FunctionField, List, ReferenceManyCount, SaveButton, SearchInput, SelectInput,
  SimpleForm, TextField, TextInput, Toolbar, TopToolbar, useNotify, useRecordContext, type ResourceProps,
} from 'react-admin';
import { useAppDataProvider } from '../../hooks/useAppDataProvider';

const roles = [
  { id: 'customer', name: 'Customer' },
  { id: 'admin', name: 'Administrator' },
];

/** Clears every sign-in lockout of this user (all IPs). */
function UnlockButton() {
  const user = useRecordContext<{ id: number }>();
  const dataProvider = useAppDataProvider();
  const notify = useNotify();
  if (!user) return null;
  const unlock = (e?: React.MouseEvent) => {
    e?.stopPropagation();
    return dataProvider.action(`users/${user.id}/unlock`).then(
      () => notify('Sign-in unlocked', { type: 'info' }),
      (err: Error) => notify(err.message, { type: 'error' }),
    );
  };
  return <Button label="Unlock sign-in" onClick={unlock} />;
}

/** Sends the user a password-reset e-mail (only for users with an e-mail; Pi Login accounts have none). */
function PasswordResetButton() {
  const user = useRecordContext<{ id: number; email: string | null }>();
  const dataProvider = useAppDataProvider();
  const notify = useNotify();
  if (!user?.email) return null;
  const email = user.email;
  const send = (e?: React.MouseEvent) => {
    e?.stopPropagation();
    return dataProvider.sendPasswordReset(email).then(
      () => notify(`Password reset e-mail sent to ${email}`, { type: 'info' }),
      (err: Error) => notify(err.message, { type: 'error' }),
    );
  };
  return <Button label="Send password reset" onClick={send} />;
}

export const users: ResourceProps = {
  name: 'users',
  list: () => (
    <List filters={[<SearchInput source="q" alwaysOn key="q" />, <SelectInput source="role" choices={roles} key="role" />]} sort={{ field: 'createdAt', order: 'DESC' }}>
      <Datagrid
        rowClick="edit"
        bulkActionButtons={
          <>
            <BulkUpdateButton data={{ isActive: true }} label="Activate" mutationMode="pessimistic" />
            <BulkUpdateButton data={{ isActive: false }} label="Deactivate" mutationMode="pessimistic" />
          </>
        }
      >
        <FunctionField label="" render={(u: { avatarUrl: string; username: string }) => <Avatar src={u.avatarUrl} alt={u.username} sx={{ width: 32, height: 32 }} />} />
        <TextField source="displayName" />
        <TextField source="username" />
        <TextField source="email" />
        <TextField source="role" />
        <BooleanField source="isActive" label="Active" />
        <TextField source="piUsername" label="Pi" />
        <ReferenceManyCount label="Orders" reference="orders" target="customerId" link />
        <DateField source="lastLoginAt" showTime />
        <UnlockButton />
      </Datagrid>
    </List>
  ),
  edit: () => (
    <Edit mutationMode="pessimistic" actions={<TopToolbar><PasswordResetButton /><UnlockButton /></TopToolbar>}>
      {/* The API never deletes users (orders keep them): no Delete button. */}
      <SimpleForm toolbar={<Toolbar><SaveButton /></Toolbar>}>
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
