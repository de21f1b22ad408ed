import {
  BooleanField, BooleanInput, Create, Datagrid, DeleteButton, Edit, EditButton, List, NumberField, NumberInput,
  ReferenceManyField, SearchInput, SimpleForm, TabbedForm, TextField, TextInput, required, type ResourceProps,
} from 'react-admin';
import { BulkActionButton } from '../../components/BulkActionButton';
import { PriceField } from '../../components/PriceField';

const filters = [<SearchInput source="q" alwaysOn key="q" />, <BooleanInput source="active" key="active" />, <BooleanInput source="featured" key="featured" />];

function ServiceList() {
  return (
    <List filters={filters} sort={{ field: 'position', order: 'ASC' }}>
      <Datagrid rowClick="edit" bulkActionButtons={<><BulkActionButton resource="services" action="activate" label="Activate" /><BulkActionButton resource="services" action="deactivate" label="Deactivate" /></>}>
        <NumberField source="position" />
        <TextField source="title" />
        <TextField source="slug" />
        <PriceField label="Price" sortBy="priceEurCents" />
        <BooleanField source="active" />
        <BooleanField source="featured" />
      </Datagrid>
    </List>
  );
}

function ServiceFields() {
  return (
    <>
      <TextInput source="title" validate={required()} fullWidth />
      <TextInput source="slug" helperText="Made from the title when empty" fullWidth />
      <TextInput source="summary" fullWidth />
      <TextInput source="description" multiline minRows={6} helperText="Markdown" fullWidth />
      <NumberInput source="priceEurCents" label="Price (EUR cents)" validate={required()} min={0} />
      <NumberInput source="imageMediaId" label="Image (media id)" />
      <NumberInput source="previewMediaId" label="Preview video (media id)" />
      <NumberInput source="position" />
      <BooleanInput source="active" />
      <BooleanInput source="featured" />
    </>
  );
}

function ServiceEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <TabbedForm>
        <TabbedForm.Tab label="Service">
          <ServiceFields />
        </TabbedForm.Tab>
        <TabbedForm.Tab label="Features">
          <ReferenceManyField reference="service-features" target="serviceId" sort={{ field: 'position', order: 'ASC' }}>
            <Datagrid bulkActionButtons={false}>
              <NumberField source="position" />
              <TextField source="title" />
              <TextField source="description" />
              <EditButton />
              <DeleteButton mutationMode="pessimistic" redirect={false} />
            </Datagrid>
          </ReferenceManyField>
        </TabbedForm.Tab>
        <TabbedForm.Tab label="FAQs">
          <ReferenceManyField reference="service-faqs" target="serviceId" sort={{ field: 'position', order: 'ASC' }}>
            <Datagrid bulkActionButtons={false}>
              <NumberField source="position" />
              <TextField source="question" />
              <TextField source="answer" />
              <EditButton />
              <DeleteButton mutationMode="pessimistic" redirect={false} />
            </Datagrid>
          </ReferenceManyField>
        </TabbedForm.Tab>
      </TabbedForm>
    </Edit>
  );
}

function ServiceCreate() {
  return (
    <Create redirect="edit">
      <SimpleForm>
        <ServiceFields />
      </SimpleForm>
    </Create>
  );
}

function ChildForm({ fields }: { fields: string[] }) {
  return (
    <SimpleForm>
      <NumberInput source="serviceId" validate={required()} />
      {fields.map((f) => (
        <TextInput key={f} source={f} fullWidth multiline={f !== 'title'} validate={f === 'description' ? undefined : required()} />
      ))}
      <NumberInput source="position" />
    </SimpleForm>
  );
}

export const services: ResourceProps = { name: 'services', list: ServiceList, edit: ServiceEdit, create: ServiceCreate };
export const serviceFeatures: ResourceProps = {
  name: 'service-features',
  edit: () => <Edit mutationMode="pessimistic" redirect={false}><ChildForm fields={['title', 'description']} /></Edit>,
  create: () => <Create><ChildForm fields={['title', 'description']} /></Create>,
};
export const serviceFaqs: ResourceProps = {
  name: 'service-faqs',
  edit: () => <Edit mutationMode="pessimistic" redirect={false}><ChildForm fields={['question', 'answer']} /></Edit>,
  create: () => <Create><ChildForm fields={['question', 'answer']} /></Create>,
};
