import { render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router-dom';
import type { AxiosAdapter } from 'axios';
import { api } from '../../../../lib/api-client';
import { ServiceList } from '../service-list';

function renderWith(adapter: AxiosAdapter) {
  api.defaults.adapter = adapter;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <ServiceList />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const ok = (data: unknown): AxiosAdapter => async (config) => ({ data, status: 200, statusText: 'OK', headers: {}, config });

test('lists services with EUR and π prices and links to their pages', async () => {
  renderWith(
    ok({ items: [{ id: 1, slug: 'landing-page', title: 'Landing page', summary: 'One page', priceEurCents: 1000, pricePi: '33.3333334' }], total: 1, page: 1, pageSize: 20 }),
  );
  const link = await screen.findByRole('link', { name: 'Landing page' });
  expect(link).toHaveAttribute('href', '/services/landing-page');
  expect(screen.getByText('€10.00')).toBeInTheDocument();
  expect(screen.getByText('≈ 33.3333334 π')).toBeInTheDocument();
});

test('shows the server error message when the list cannot be loaded', async () => {
  renderWith(async (config) => {
    const { AxiosError } = await import('axios');
    throw new AxiosError('fail', 'ERR_BAD_RESPONSE', config, null, {
      data: { error: { code: 'SERVICE_UNAVAILABLE', message: 'The shop is closed for maintenance' } },
      status: 503, statusText: 'x', headers: {}, config,
    });
  });
  expect(await screen.findByText('The shop is closed for maintenance')).toBeInTheDocument();
});
