import 'reflect-metadata';
import { ConfigError } from '../config';

/** Runs a CLI main with clean error output and exit codes. */
export function runCli(main: () => Promise<number | void>): void {
  main()
    .then((code) => process.exit(code ?? 0))
    .catch((err) => {
      console.error(err instanceof ConfigError ? err.message : `Error: ${(err as Error).stack ?? err}`);
      process.exit(1);
    });
}

export function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}
