import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aUser, fakeApi, refusal, renderPage, signedOut } from '../../../../../test/helpers';
import { LoginPage } from '../login-page';
import { RegisterPage } from '../register-page';

const config = { passwordLogin: true, registration: true, piLogin: false, recaptchaSiteKey: null, piSandbox: true, piSandboxLocal: true };

describe('sign-in page', () => {
  test('signs in with email or username and password, then goes where ?next= says', async () => {
    const sent = fakeApi({ ...signedOut(), 'GET /auth/config': config, 'POST /auth/login': { accessToken: 't', user: aUser() } });
    renderPage(<LoginPage />, { path: '/login?next=/orders/PS-1', route: '/login' });
    await userEvent.type(await screen.findByLabelText('Email or username'), 'ada@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'correct horse');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/orders/PS-1'));
    expect(sent.find((r) => r.url === '/auth/login')?.body).toEqual({ login: 'ada@example.com', password: 'correct horse' });
  });

  test('never follows a ?next= that leaves the site', async () => {
    fakeApi({ ...signedOut(), 'GET /auth/config': config, 'POST /auth/login': { accessToken: 't', user: aUser() } });
    renderPage(<LoginPage />, { path: '/login?next=//evil.example', route: '/login' });
    await userEvent.type(await screen.findByLabelText('Email or username'), 'ada');
    await userEvent.type(screen.getByLabelText('Password'), 'pw');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/orders$/));
  });

  test('shows the refusal and stays on the page', async () => {
    fakeApi({ ...signedOut(), 'GET /auth/config': config, 'POST /auth/login': refusal(401, 'INVALID_CREDENTIALS', 'Wrong email, username or password') });
    renderPage(<LoginPage />, { path: '/login' });
    await userEvent.type(await screen.findByLabelText('Email or username'), 'ada');
    await userEvent.type(screen.getByLabelText('Password'), 'nope');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email, username or password');
    expect(screen.getByTestId('location')).toHaveTextContent('/login');
  });

  test('offers Pi sign-in only when the shop has it', async () => {
    fakeApi({ ...signedOut(), 'GET /auth/config': { ...config, piLogin: true } });
    renderPage(<LoginPage />, { path: '/login' });
    expect(await screen.findByRole('button', { name: 'Sign in with Pi' })).toBeEnabled();
  });
});

describe('register page', () => {
  test('creates the account and lands on the orders page', async () => {
    const sent = fakeApi({ ...signedOut(), 'GET /auth/config': config, 'POST /auth/register': { accessToken: 't', user: aUser() } });
    renderPage(<RegisterPage />, { path: '/register' });
    await userEvent.type(screen.getByLabelText('email'), 'ada@example.com');
    await userEvent.type(screen.getByLabelText('username'), 'ada');
    await userEvent.type(screen.getByLabelText('password'), 'a long password');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/orders'));
    expect(sent.find((r) => r.url === '/auth/register')?.body).toEqual({ email: 'ada@example.com', username: 'ada', password: 'a long password' });
  });

  test('shows each field error next to its field', async () => {
    fakeApi({
      ...signedOut(),
      'GET /auth/config': config,
      'POST /auth/register': refusal(409, 'USERNAME_TAKEN', 'This username is taken', { username: 'is taken' }),
    });
    renderPage(<RegisterPage />, { path: '/register' });
    await userEvent.type(screen.getByLabelText('email'), 'ada@example.com');
    await userEvent.type(screen.getByLabelText('username'), 'ada');
    await userEvent.type(screen.getByLabelText('password'), 'a long password');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This username is taken');
    expect(screen.getByLabelText('username')).toHaveClass('is-invalid');
    expect(screen.getByText('is taken')).toBeInTheDocument();
  });
});
