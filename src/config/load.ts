// Parses the YAML text of a configuration file.
import { parse } from 'yaml';
import { ConfigError, validateConfig, type Config } from './schema.js';

export function parseConfig(text: string, source: string): Config {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (e) {
    throw new ConfigError(`${source}: not valid YAML: ${(e as Error).message}`);
  }
  if (raw !== null && raw !== undefined && (typeof raw !== 'object' || Array.isArray(raw)))
    throw new ConfigError(`${source}: must be a mapping of keys to values`);
  return validateConfig(raw, source);
}
