import { Admin, Resource } from 'react-admin';
import { authProvider } from './authProvider';
import { dataProvider } from './dataProvider';
import { Dashboard } from './dashboard/Dashboard';
import { AppLayout } from './layout/AppLayout';
import { resources } from './resources';

export function App() {
  return (
    <Admin
      title="Pi Services Studio"
      dataProvider={dataProvider}
      authProvider={authProvider}
      dashboard={Dashboard}
      layout={AppLayout}
      disableTelemetry
      requireAuth
    >
      {resources.map((r) => (
        <Resource key={r.name} {...r} />
      ))}
    </Admin>
  );
}
