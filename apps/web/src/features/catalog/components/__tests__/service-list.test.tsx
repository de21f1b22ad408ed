import { screen } from '@testing-library/react';
import { fakeApi, refusal, renderPage, signedOut } from '../../../../../test/helpers';
import { ServiceList } from '../service-list';

test('lists services with EUR and π prices and links to their pages', async () => {
  fakeApi({
    ...signedOut(),
    'GET /services': { items: [{ id: 1, slug: 'landing-page', title: 'Landing page', summary: 'One page', priceEurCents: 1000, pricePi: '33.3333334' }], total: 1, page: 1, pageSize: 20 },
  });
  renderPage(<ServiceList />);
  const link = await screen.findByRole('link', { name: 'Landing page' });
  expect(link).toHaveAttribute('href', '/services/landing-page');
  expect(screen.getByText('€10.00')).toBeInTheDocument();
  expect(screen.getByText('≈ 33.3333334 π')).toBeInTheDocument();
});

test('shows the server error message when the list cannot be loaded', async () => {
  fakeApi({ ...signedOut(), 'GET /services': refusal(503, 'SERVICE_UNAVAILABLE', 'The shop is closed for maintenance') });
  renderPage(<ServiceList />);
  expect(await screen.findByText('The shop is closed for maintenance')).toBeInTheDocument();
});
