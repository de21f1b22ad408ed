import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { Layout } from '../components/layout';
import { NotFound } from '../components/not-found';
import { RequireUser } from '../components/require-user';
import { ProfilePage } from '../features/account/components/profile-page';
import { LoginPage } from '../features/auth/components/login-page';
import { PasswordResetPage } from '../features/auth/components/password-reset-page';
import { RegisterPage } from '../features/auth/components/register-page';
import { ServiceList } from '../features/catalog/components/service-list';
import { ServicePage } from '../features/catalog/components/service-page';
import { BlogPage, PostPage } from '../features/content/components/blog-pages';
import { HomePage } from '../features/content/components/home-page';
import { LegalPage } from '../features/content/components/legal-page';
import { ProjectsPage } from '../features/content/components/projects-page';
import { InboxPage } from '../features/inbox/components/inbox-page';
import { ThreadPage } from '../features/inbox/components/thread-page';
import { OrderPage } from '../features/orders/components/order-page';
import { OrdersPage } from '../features/orders/components/orders-page';
import { ReceiptPage } from '../features/orders/components/receipt-page';

const signedIn = (element: React.ReactNode) => <RequireUser>{element}</RequireUser>;

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'services', element: <ServiceList /> },
      { path: 'services/:slug', element: <ServicePage /> },
      { path: 'projects', element: <ProjectsPage /> },
      { path: 'blog', element: <BlogPage /> },
      { path: 'blog/:slug', element: <PostPage /> },
      ...['privacy', 'terms', 'cookies'].map((slug) => ({ path: slug, element: <LegalPage slug={slug} /> })),
      { path: 'login', element: <LoginPage /> },
      { path: 'register', element: <RegisterPage /> },
      { path: 'password-reset', element: <PasswordResetPage /> },
      // The reset mail links here with ?token=.
      { path: 'reset-password', element: <PasswordResetPage /> },
      { path: 'orders', element: signedIn(<OrdersPage />) },
      { path: 'orders/:number', element: signedIn(<OrderPage />) },
      { path: 'payments/:id', element: signedIn(<ReceiptPage />) },
      { path: 'profile', element: signedIn(<ProfilePage />) },
      { path: 'inbox', element: signedIn(<InboxPage />) },
      { path: 'inbox/:id', element: signedIn(<ThreadPage />) },
      { path: '*', element: <NotFound /> },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
