import readline from 'node:readline/promises';
import { Writable } from 'node:stream';
import { loadConfigFromEnvFile } from '../config';
import { dataSourceSettings, openDataSource, runMigrations } from '../db/database';
import { AppError } from '../lib/app-error';
import { createOrPromoteAdmin } from '../modules/accounts/create-admin';
import { UsersService } from '../modules/accounts/users.service';
import { argValue, runCli } from './run-cli';

const USAGE = 'Usage: pnpm create-admin --email E --password P [--username U]\n' +
  'Creates an admin, or makes the account with that email an admin (setting the password when given).\n' +
  'In a terminal, missing values are asked for (the password without echo).';

/** `pnpm create-admin`: Django's createsuperuser for this shop. */
runCli(async () => {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  let email = argValue(args, 'email');
  let password = argValue(args, 'password');
  const username = argValue(args, 'username');
  const interactive = Boolean(process.stdin.isTTY);

  if (!email && interactive) email = (await ask('Email: ')).trim();
  if (!email) {
    console.error(`--email is required.\n${USAGE}`);
    return 2;
  }

  const config = loadConfigFromEnvFile();
  const ds = await openDataSource(config.database, dataSourceSettings(config));
  try {
    await runMigrations(ds);
    const exists = Boolean(await new UsersService(ds).findByEmail(email));
    if (!password && interactive) {
      const label = exists ? 'New password (empty keeps the current one): ' : 'Password: ';
      password = (await askHidden(label)) || undefined;
      if (password && (await askHidden('Password again: ')) !== password) {
        console.error('The passwords differ.');
        return 2;
      }
    }
    if (!password && !exists) {
      console.error(`--password is required to create an account.\n${USAGE}`);
      return 2;
    }
    const { user, action } = await createOrPromoteAdmin(ds, { email, password, username });
    console.log(`${action === 'created' ? 'Created' : action === 'promoted' ? 'Promoted' : 'Updated'} admin ${user.email} (username ${user.username}, id ${user.id}).`);
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  } finally {
    await ds.destroy();
  }
});

async function ask(question: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

/** Reads a line without echoing it (the terminal shows nothing while typing). */
async function askHidden(question: string): Promise<string> {
  process.stdout.write(question);
  let muted = true;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
  try {
    return await rl.question('');
  } finally {
    muted = false;
    rl.close();
    process.stdout.write('\n');
  }
}
