import { Create, Datagrid, DateField, Edit, List, SimpleForm, TextField, TextInput, required, type ResourceProps } from 'react-admin';

function PageForm() {
  return (
    <SimpleForm>
      <TextInput source="slug" validate={required()} />
      <TextInput source="title" validate={required()} fullWidth />
      <TextInput source="body" multiline minRows={12} helperText="Markdown" fullWidth />
    </SimpleForm>
  );
}

export const pages: ResourceProps = {
  name: 'pages',
  list: () => (
    <List>
      <Datagrid rowClick="edit">
        <TextField source="slug" />
        <TextField source="title" />
        <DateField source="updatedAt" showTime />
      </Datagrid>
    </List>
  ),
  edit: () => <Edit mutationMode="pessimistic"><PageForm /></Edit>,
  create: () => <Create><PageForm /></Create>,
};
