import { Create, Datagrid, Edit, List, NumberField, NumberInput, SearchInput, SimpleForm, TextField, TextInput, UrlField, required, type ResourceProps } from 'react-admin';

function ProjectForm() {
  return (
    <SimpleForm>
      <TextInput source="title" validate={required()} fullWidth />
      <TextInput source="slug" fullWidth />
      <TextInput source="description" multiline minRows={4} helperText="Markdown" fullWidth />
      <TextInput source="link" type="url" fullWidth />
      <NumberInput source="imageMediaId" label="Image (media id)" />
      <NumberInput source="previewMediaId" label="Preview video (media id)" />
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
        <TextField source="title" />
        <UrlField source="link" />
      </Datagrid>
    </List>
  ),
  edit: () => <Edit mutationMode="pessimistic"><ProjectForm /></Edit>,
  create: () => <Create><ProjectForm /></Create>,
};
