import {
  ArrayInput, BooleanField, BooleanInput, BulkUpdateButton, Create, Datagrid, Edit, FunctionField, List, NumberField,
  NumberInput, SearchInput, SimpleForm, SimpleFormIterator, TextField, TextInput, required, type ResourceProps,
} from 'react-admin';
import type { AdminService } from '@pishop/shared';
import { EurInput } from '../../components/EurInput';
import { MediaInput } from '../../components/MediaInput';
import { PriceField } from '../../components/PriceField';
import { RecompressRowButton } from '../../components/RecompressRowButton';

const filters = [<SearchInput source="q" alwaysOn key="q" />, <BooleanInput source="active" key="active" />, <BooleanInput source="featured" key="featured" />];

function BulkActions() {
  return (
    <>
      <BulkUpdateButton data={{ active: true }} label="Activate" mutationMode="pessimistic" />
      <BulkUpdateButton data={{ active: false }} label="Deactivate" mutationMode="pessimistic" />
    </>
  );
}

function ServiceList() {
  return (
    <List filters={filters} sort={{ field: 'position', order: 'ASC' }}>
      <Datagrid rowClick="edit" bulkActionButtons={<BulkActions />}>
        <FunctionField label="Image" render={(s: AdminService) => (s.imageUrl ? <img src={s.imageUrl} alt="" style={{ maxWidth: 64, maxHeight: 48 }} /> : null)} />
        <TextField source="title" />
        <PriceField label="Price" sortBy="priceEurCents" />
        <BooleanField source="active" />
        <BooleanField source="featured" />
        <NumberField source="position" />
        <RecompressRowButton />
      </Datagrid>
    </List>
  );
}

/** New services start as drafts (inactive) until the seller activates them. */
function ServiceForm({ defaults }: { defaults?: Record<string, unknown> }) {
  return (
    <SimpleForm defaultValues={defaults}>
      <TextInput source="title" validate={required()} fullWidth />
      <TextInput source="slug" helperText="Made from the title when empty" fullWidth />
      <TextInput source="summary" fullWidth />
      <TextInput source="description" multiline minRows={6} helperText="Markdown" fullWidth />
      <EurInput source="priceEurCents" label="Price (EUR)" />
      <MediaInput source="imageMediaId" kind="image" label="Image" />
      <MediaInput source="previewMediaId" kind="video" label="Preview video" />
      <ArrayInput source="features" label="Features">
        <SimpleFormIterator inline>
          <TextInput source="title" validate={required()} helperText={false} />
          <TextInput source="description" helperText={false} />
        </SimpleFormIterator>
      </ArrayInput>
      <ArrayInput source="faqs" label="FAQs">
        <SimpleFormIterator>
          <TextInput source="question" validate={required()} fullWidth helperText={false} />
          <TextInput source="answer" validate={required()} multiline fullWidth helperText={false} />
        </SimpleFormIterator>
      </ArrayInput>
      <NumberInput source="position" />
      <BooleanInput source="active" />
      <BooleanInput source="featured" />
    </SimpleForm>
  );
}

export const services: ResourceProps = {
  name: 'services',
  list: ServiceList,
  edit: () => <Edit mutationMode="pessimistic"><ServiceForm /></Edit>,
  create: () => <Create redirect="edit"><ServiceForm defaults={{ active: false, features: [], faqs: [] }} /></Create>,
};
