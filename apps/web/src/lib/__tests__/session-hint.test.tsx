import { screen } from '@testing-library/react';
import { aUser, fakeApi, renderPage, signedInAs } from '../../../test/helpers';
import { useSession } from '../session';

function Who() {
  const { user, ready } = useSession();
  return <p>{ready ? (user ? `signed in as ${user.username}` : 'visitor') : 'loading'}</p>;
}

describe('restoring the session at page load', () => {
  test('a browser that never signed in makes no refresh call (no 401 in an anonymous page load)', async () => {
    const sent = fakeApi({});
    renderPage(<Who />, { signedInBefore: false });
    expect(await screen.findByText('visitor')).toBeInTheDocument();
    expect(sent.map((r) => r.url)).not.toContain('/auth/refresh');
  });

  test('a browser that signed in before restores the session from the refresh cookie', async () => {
    const sent = fakeApi(signedInAs(aUser({ username: 'ada' })));
    renderPage(<Who />);
    expect(await screen.findByText('signed in as ada')).toBeInTheDocument();
    expect(sent.map((r) => r.url)).toContain('/auth/refresh');
  });
});
