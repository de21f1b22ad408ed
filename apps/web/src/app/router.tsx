import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { Layout } from '../components/layout';
import { NotFound } from '../components/not-found';
import { ServiceList } from '../features/catalog/components/service-list';

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      {
        index: true,
        element: (
          <>
            <h1 className="mb-4">Software services, paid in π</h1>
            <ServiceList />
          </>
        ),
      },
      { path: 'services', element: <ServiceList /> },
      { path: '*', element: <NotFound /> },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
