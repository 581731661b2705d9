import { loadConfig, type AppConfig } from './app-config';

/**
 * Loads the configuration or ends the process with one line naming the variable, as an
 * operator expects from a service that refuses to start.
 */
export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    exitWith(`configuration error: ${(error as Error).message}`);
  }
}

export function exitWith(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}
