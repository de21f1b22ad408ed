import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aUser, fakeApi, refusal, renderPage, signedInAs } from '../../../../../test/helpers';
import { ProfilePage } from '../profile-page';

const page = () => renderPage(<ProfilePage />, { path: '/profile' });

test('saves the display name and the preset avatar', async () => {
  const sent = fakeApi({ ...signedInAs(aUser()), 'PATCH /me': (body: unknown) => aUser(body as object) });
  page();
  await userEvent.clear(await screen.findByLabelText('Display name'));
  await userEvent.type(screen.getByLabelText('Display name'), 'Ada L.');
  await userEvent.click(screen.getByRole('radio', { name: 'ocean' }));
  await userEvent.click(screen.getByRole('button', { name: 'Save' }));
  expect(await screen.findByText('Saved.')).toBeInTheDocument();
  expect(sent.find((r) => r.method === 'PATCH')?.body).toEqual({ displayName: 'Ada L.', avatarChoice: 'ocean' });
});

test('a refused display name is marked on its field', async () => {
  fakeApi({ ...signedInAs(aUser()), 'PATCH /me': refusal(400, 'VALIDATION_FAILED', 'displayName is too long', { displayName: 'is too long' }) });
  page();
  await userEvent.type(await screen.findByLabelText('Display name'), 'x');
  await userEvent.click(screen.getByRole('button', { name: 'Save' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('displayName is too long');
  expect(screen.getByLabelText('Display name')).toHaveClass('is-invalid');
});

test('uploads a photo with a progress bar, and the new avatar shows', async () => {
  const sent = fakeApi({
    ...signedInAs(aUser()),
    'POST /me/avatar': () => aUser({ avatarUrl: '/api/v1/avatars/new.webp', hasUploadedAvatar: true }),
  });
  page();
  const input = await screen.findByLabelText('Upload a photo');
  await userEvent.upload(input, new File([new Uint8Array([0xff, 0xd8, 0xff])], 'me.jpg', { type: 'image/jpeg' }));
  expect(await screen.findByText('Photo uploaded.')).toBeInTheDocument();
  expect(screen.getByAltText('Your avatar')).toHaveAttribute('src', '/api/v1/avatars/new.webp');
  expect(screen.getByRole('button', { name: /Remove the photo/ })).toBeInTheDocument();
  const upload = sent.find((r) => r.url === '/me/avatar');
  expect(upload?.body).toBeInstanceOf(FormData);
});

test('shows the progress bar while the photo uploads', async () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  fakeApi({
    ...signedInAs(aUser()),
    'POST /me/avatar': async () => {
      await gate;
      return aUser({ hasUploadedAvatar: true });
    },
  });
  page();
  await userEvent.upload(await screen.findByLabelText('Upload a photo'), new File(['x'], 'me.png', { type: 'image/png' }));
  const bar = await screen.findByRole('progressbar', { name: 'Avatar upload' });
  expect(bar).toHaveAttribute('aria-valuenow', '50');
  expect(bar).toHaveTextContent('50%');
  release();
  await waitFor(() => expect(screen.queryByRole('progressbar')).not.toBeInTheDocument());
});

test('a file that is not an image is refused before any upload', async () => {
  const sent = fakeApi({ ...signedInAs(aUser()) });
  page();
  await userEvent.upload(await screen.findByLabelText('Upload a photo'), new File(['%PDF'], 'cv.pdf', { type: 'application/pdf' }), { applyAccept: false });
  expect(await screen.findByRole('alert')).toHaveTextContent('Choose a JPEG, PNG, WebP, GIF or AVIF image.');
  expect(sent.map((r) => r.url)).not.toContain('/me/avatar');
});

test('the CV button says when no CV is published', async () => {
  fakeApi({ ...signedInAs(aUser()), 'GET /cv': refusal(404, 'CV_NOT_FOUND', 'No CV') });
  page();
  await userEvent.click(await screen.findByRole('button', { name: 'Download the CV (PDF)' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('The studio has not published a CV yet.');
});
