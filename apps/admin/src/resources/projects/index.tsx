import { Create, Datagrid, Edit, FunctionField, List, NumberField, NumberInput, SearchInput, SimpleForm, TextField, TextInput, UrlField, required, type ResourceProps } from 'react-admin';
import type { AdminProject } from '@pishop/shared';
import { MediaInput } from '../../components/MediaInput';
import { RecompressRowButton } from '../../components/RecompressRowButton';

function ProjectForm() {
  return (
    <SimpleForm>
      <TextInput source="title" validate={required()} fullWidth />
      <TextInput source="slug" fullWidth />
      <TextInput source="description" multiline minRows={4} helperText="Markdown" fullWidth />
      <TextInput source="link" type="url" fullWidth />
      <MediaInput source="imageMediaId" kind="image" label="Image" />
      <MediaInput source="previewMediaId" kind="video" label="Preview video" />
      <NumberInput source="position" />
    </SimpleForm>
  );
}

export const projects: ResourceProps = {
  name: 'projects',
  list: () => (
    <List filters={[<SearchInput source="q" alwaysOn key="q" />]} sort={{ field: 'position', order: 'ASC' }}>
      <Datagrid rowClick="edit">
        <NumberField source="position" />
        <FunctionField label="Image" render={(p: AdminProject) => (p.imageUrl ? <img src={p.imageUrl} alt="" style={{ maxWidth: 64, maxHeight: 48 }} /> : null)} />
        <TextField source="title" />
        <UrlField source="link" />
        <RecompressRowButton />
      </Datagrid>
    </List>
  ),
  edit: () => <Edit mutationMode="pessimistic"><ProjectForm /></Edit>,
  create: () => <Create><ProjectForm /></Create>,
};
