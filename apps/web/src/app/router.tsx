import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { Layout } from '../components/layout';
import { NotFound } from '../components/not-found';
import { RequireUser } from '../components/require-user';

/**
 * Every page is its own chunk, loaded when its route matches (react-router's `lazy`), so the
 * first page downloads only the shell and itself. The server's per-URL head tags and 404s
 * (apps/api/src/modules/site) mirror this table: add a route there too.
 */
const page = <T,>(load: () => Promise<T>, pick: (m: T) => React.ComponentType) => async () => ({ Component: pick(await load()) });

const signedIn = <T,>(load: () => Promise<T>, pick: (m: T) => React.ComponentType) => async () => {
  const Page = pick(await load());
  return { element: <RequireUser><Page /></RequireUser> };
};

const legal = (slug: string) => async () => {
  const { LegalPage } = await import('../features/content/components/legal-page');
  return { element: <LegalPage slug={slug} /> };
};

const auth = () => import('../features/auth/components/login-page');
const register = () => import('../features/auth/components/register-page');
const reset = () => import('../features/auth/components/password-reset-page');
const blog = () => import('../features/content/components/blog-pages');
const inbox = () => import('../features/inbox/components/inbox-page');
const thread = () => import('../features/inbox/components/thread-page');
const order = () => import('../features/orders/components/order-page');
const orders = () => import('../features/orders/components/orders-page');
const receipt = () => import('../features/orders/components/receipt-page');
const profile = () => import('../features/account/components/profile-page');

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    // Shown only while the first page's chunk loads (later navigations keep the old page up).
    hydrateFallbackElement: <div className="container py-5" aria-busy="true" />,
    children: [
      { index: true, lazy: page(() => import('../features/content/components/home-page'), (m) => m.HomePage) },
      { path: 'services', lazy: page(() => import('../features/catalog/components/service-list'), (m) => m.ServiceList) },
      { path: 'services/:slug', lazy: page(() => import('../features/catalog/components/service-page'), (m) => m.ServicePage) },
      { path: 'projects', lazy: page(() => import('../features/content/components/projects-page'), (m) => m.ProjectsPage) },
      { path: 'blog', lazy: page(blog, (m) => m.BlogPage) },
      { path: 'blog/:slug', lazy: page(blog, (m) => m.PostPage) },
      ...['privacy', 'terms', 'cookies'].map((slug) => ({ path: slug, lazy: legal(slug) })),
      { path: 'login', lazy: page(auth, (m) => m.LoginPage) },
      { path: 'register', lazy: page(register, (m) => m.RegisterPage) },
      { path: 'password-reset', lazy: page(reset, (m) => m.PasswordResetPage) },
      // The reset mail links here with ?token=.
      { path: 'reset-password', lazy: page(reset, (m) => m.PasswordResetPage) },
      { path: 'orders', lazy: signedIn(orders, (m) => m.OrdersPage) },
      { path: 'orders/:number', lazy: signedIn(order, (m) => m.OrderPage) },
      { path: 'payments/:id', lazy: signedIn(receipt, (m) => m.ReceiptPage) },
      { path: 'profile', lazy: signedIn(profile, (m) => m.ProfilePage) },
      { path: 'inbox', lazy: signedIn(inbox, (m) => m.InboxPage) },
      { path: 'inbox/:id', lazy: signedIn(thread, (m) => m.ThreadPage) },
      { path: '*', element: <NotFound /> },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
