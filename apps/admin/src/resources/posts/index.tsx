import {
  BooleanField, BooleanInput, Create, Datagrid, DateField, DateInput, DateTimeInput, Edit, FunctionField, List,
  SearchInput, SimpleForm, TextField, TextInput, required, type ResourceProps,
} from 'react-admin';
import type { AdminPost } from '@pishop/shared';
import { BulkActionButton } from '../../components/BulkActionButton';
import { MediaInput } from '../../components/MediaInput';

const filters = [
  <SearchInput source="q" alwaysOn key="q" />,
  <BooleanInput source="published" key="published" />,
  <DateInput source="publishedAt_gte" label="Published after" key="gte" />,
  <DateInput source="publishedAt_lte" label="Published before" key="lte" />,
];

function PostForm() {
  return (
    <SimpleForm>
      <TextInput source="title" validate={required()} fullWidth />
      <TextInput source="slug" fullWidth />
      <TextInput source="excerpt" multiline fullWidth />
      <TextInput source="body" multiline minRows={10} helperText="Markdown" fullWidth />
      <MediaInput source="imageMediaId" kind="image" label="Image" />
      <BooleanInput source="published" />
      <DateTimeInput source="publishedAt" />
    </SimpleForm>
  );
}

export const posts: ResourceProps = {
  name: 'posts',
  list: () => (
    <List filters={filters} sort={{ field: 'publishedAt', order: 'DESC' }}>
      <Datagrid rowClick="edit" bulkActionButtons={<BulkActionButton resource="posts" action="clear-image" label="Clear image" />}>
        <FunctionField label="Image" render={(p: AdminPost) => (p.imageUrl ? <img src={p.imageUrl} alt="" style={{ maxWidth: 64, maxHeight: 48 }} /> : null)} />
        <TextField source="title" />
        <TextField source="slug" />
        <BooleanField source="published" />
        <DateField source="publishedAt" showTime />
      </Datagrid>
    </List>
  ),
  edit: () => <Edit mutationMode="pessimistic"><PostForm /></Edit>,
  create: () => <Create><PostForm /></Create>,
};
