import type { Db } from './db/client.ts';
import type { Clock } from './platform/clock.ts';
import type { Logger } from './platform/logger.ts';
import type { Config } from './config.ts';
import type { Notifier } from './platform/notify.ts';

/** The composition root's output: everything a service may touch. */
export type Deps = {
  db: Db;
  clock: Clock;
  logger: Logger;
  config: Config;
  notifier?: Notifier;
};
