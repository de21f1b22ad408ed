import { createTestDatabase, testDatabaseKind } from '../support/database';

// Concurrent transactions must not share fate: one's rollback never undoes another's commit.
describe('concurrent transactions', () => {
  it('keep their own commits and rollbacks', async () => {
    const { ds, cleanup } = await createTestDatabase();
    const table = testDatabaseKind() === 'sqlite' ? '"tx_probe"' : '`tx_probe`';
    await ds.query(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY, label VARCHAR(20))`);
    const pause = () => new Promise((r) => setTimeout(r, 5));
    const committed = ds.transaction(async (em) => {
      await em.query(`INSERT INTO ${table} (id, label) VALUES (1, 'kept')`);
      await pause();
    });
    const rolledBack = ds
      .transaction(async (em) => {
        await pause();
        await em.query(`INSERT INTO ${table} (id, label) VALUES (2, 'undone')`);
        throw new Error('rollback');
      })
      .catch((e: Error) => e.message);
    const nested = ds.transaction(async (em) => {
      await em.query(`INSERT INTO ${table} (id, label) VALUES (3, 'outer')`);
      // A transaction started inside another joins it instead of waiting for it.
      await em.transaction((inner) => inner.query(`INSERT INTO ${table} (id, label) VALUES (4, 'inner')`));
    });
    expect(await Promise.all([committed, rolledBack, nested])).toEqual([undefined, 'rollback', undefined]);
    const rows: { id: number }[] = await ds.query(`SELECT id FROM ${table} ORDER BY id`);
    expect(rows.map((r) => Number(r.id))).toEqual([1, 3, 4]);
    await ds.query(`DROP TABLE ${table}`);
    await ds.destroy();
    await cleanup();
  });
});
