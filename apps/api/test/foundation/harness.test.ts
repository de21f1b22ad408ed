import { User } from '../../src/modules/accounts/user.entity';
import { buildTestApp } from '../support/app';
import { createUser } from '../support/users';

/** The test harness itself: each test app has a database of its own, also on MariaDB. */
describe('test harness', () => {
  it('a second test app in one file gets its own empty database and leaves the first one alone', async () => {
    const first = await buildTestApp();
    try {
      const { user } = await createUser(first);
      const second = await buildTestApp();
      try {
        expect(await second.ds.getRepository(User).count()).toBe(0);
        expect(await first.ds.getRepository(User).existsBy({ id: user.id })).toBe(true);
      } finally {
        await second.close();
      }
      expect(await first.ds.getRepository(User).existsBy({ id: user.id })).toBe(true);
    } finally {
      await first.close();
    }
  });
});
