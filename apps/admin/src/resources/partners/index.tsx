import { useState } from 'react';
import type { RaRecord } from 'react-admin';
import {
  ArrayField, BooleanField, BooleanInput, Button, ChipField, Create, Datagrid, DateField, DateTimeInput, DeleteButton, Edit, List, NumberField,
  ReferenceField, SelectArrayInput, SimpleForm, SingleFieldList, TextField, TextInput, required, useDataProvider, useNotify, useRecordContext, useRefresh,
  type ResourceProps,
} from 'react-admin';
import { Alert, Typography } from '@mui/material';
import { API_KEY_SCOPES, DOMAIN_EVENT_TYPES } from '@pishop/shared';

const scopeChoices = API_KEY_SCOPES.map((s) => ({ id: s, name: s }));
const eventChoices = DOMAIN_EVENT_TYPES.map((e) => ({ id: e, name: e }));

function ApiKeyList() {
  return (
    <List sort={{ field: 'id', order: 'DESC' }}>
      <Datagrid bulkActionButtons={false}>
        <TextField source="name" />
        <TextField source="prefix" />
        <TextField source="status" />
        <ArrayField source="scopes"><SingleFieldList linkType={false}><ChipField source="" /></SingleFieldList></ArrayField>
        <DateField source="lastUsedAt" showTime />
        <DateField source="expiresAt" showTime />
        <RotateButton />
        <DeleteButton label="Revoke" mutationMode="pessimistic" />
      </Datagrid>
    </List>
  );
}

/** The secret, shown once after create or rotate. */
function SecretOnce({ secret }: { secret: string | null }) {
  if (!secret) return null;
  return (
    <Alert severity="warning" role="status" sx={{ my: 2 }}>
      Copy this key now; it will not be shown again: <Typography component="code" sx={{ userSelect: 'all', wordBreak: 'break-all' }}>{secret}</Typography>
    </Alert>
  );
}

function RotateButton() {
  const record = useRecordContext<{ id: number; status: string }>();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [secret, setSecret] = useState<string | null>(null);
  if (!record || record.status === 'revoked') return null;
  const rotate = async () => {
    const { data } = await dataProvider.create(`api-keys/${record.id}/rotate`, { data: {} });
    setSecret((data as unknown as { secret: string }).secret);
    notify('Key rotated: the old secret no longer works');
    refresh();
  };
  return (
    <>
      <Button label="Rotate" onClick={(e) => { e.stopPropagation(); void rotate(); }} />
      <SecretOnce secret={secret} />
    </>
  );
}

function ApiKeyCreate() {
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <Create redirect={false} mutationOptions={{ onSuccess: (data: RaRecord) => setSecret(typeof data.secret === 'string' ? data.secret : null) }}>
      <SimpleForm>
        <SecretOnce secret={secret} />
        <TextInput source="name" validate={required()} />
        <SelectArrayInput source="scopes" choices={scopeChoices} validate={required()} />
        <DateTimeInput source="expiresAt" />
      </SimpleForm>
    </Create>
  );
}

function EndpointList() {
  return (
    <List>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <TextField source="url" />
        <ArrayField source="events"><SingleFieldList linkType={false}><ChipField source="" /></SingleFieldList></ArrayField>
        <BooleanField source="enabled" />
        <DateField source="createdAt" showTime />
      </Datagrid>
    </List>
  );
}

function EndpointForm({ secret }: { secret?: boolean }) {
  return (
    <SimpleForm>
      <TextInput source="url" validate={required()} fullWidth />
      <SelectArrayInput source="events" choices={eventChoices} validate={required()} />
      <TextInput source="description" />
      <BooleanInput source="enabled" defaultValue />
      {secret && <TextInput source="secret" helperText="16+ characters; leave empty to generate one (shown once)" />}
    </SimpleForm>
  );
}

function EndpointCreate() {
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <Create redirect={false} mutationOptions={{ onSuccess: (data: RaRecord) => setSecret(typeof data.secret === 'string' ? data.secret : null) }}>
      <>
        <SecretOnce secret={secret} />
        <EndpointForm secret />
      </>
    </Create>
  );
}

function EndpointEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <EndpointForm />
    </Edit>
  );
}

function ResendButton() {
  const record = useRecordContext<{ id: number }>();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!record) return null;
  const resend = async () => {
    await dataProvider.create(`webhook-deliveries/${record.id}/resend`, { data: {} });
    notify('Queued again');
    refresh();
  };
  return <Button label="Resend" onClick={(e) => { e.stopPropagation(); void resend(); }} />;
}

function DeliveryList() {
  return (
    <List sort={{ field: 'id', order: 'DESC' }}>
      <Datagrid bulkActionButtons={false}>
        <NumberField source="id" />
        <ReferenceField source="endpointId" reference="webhook-endpoints"><TextField source="url" /></ReferenceField>
        <TextField source="type" />
        <TextField source="eventId" />
        <TextField source="status" />
        <NumberField source="attempts" />
        <NumberField source="lastStatusCode" />
        <TextField source="lastError" />
        <DateField source="nextAttemptAt" showTime />
        <DateField source="deliveredAt" showTime />
        <ResendButton />
      </Datagrid>
    </List>
  );
}

export const apiKeys: ResourceProps = { name: 'api-keys', options: { label: 'API keys' }, list: ApiKeyList, create: ApiKeyCreate };
export const webhookEndpoints: ResourceProps = { name: 'webhook-endpoints', options: { label: 'Webhooks' }, list: EndpointList, create: EndpointCreate, edit: EndpointEdit };
export const webhookDeliveries: ResourceProps = { name: 'webhook-deliveries', options: { label: 'Webhook deliveries' }, list: DeliveryList };
