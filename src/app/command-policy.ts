// Who may use the slash command, asked of GitHub at most once per user and pull request, and how
// often a refused user is answered: one short reply per pull request, a reaction after that, so
// outsiders can neither make the app spam a pull request nor spend its API quota. Both tables are
// bounded (least recently used entries go first).
import { LRUCache } from 'lru-cache';

const ENTRIES = 10_000;
/** A permission can change (a user is added as a collaborator): asked again after an hour. */
const PERMISSION_TTL_MS = 60 * 60_000;

export class CommandPolicy {
  readonly #permissions = new LRUCache<string, string>({ max: ENTRIES, ttl: PERMISSION_TTL_MS });
  readonly #answered = new LRUCache<string, true>({ max: ENTRIES });

  /** The user's permission on the repository, looked up once per pull request. */
  async permission(pull: string, user: string, lookup: () => Promise<string>): Promise<string> {
    const key = `${pull}\n${user.toLowerCase()}`;
    const known = this.#permissions.get(key);
    if (known !== undefined) return known;
    const permission = await lookup();
    this.#permissions.set(key, permission);
    return permission;
  }

  /** True the first time a refused user is answered on a pull request. */
  firstRefusal(pull: string, user: string): boolean {
    const key = `${pull}\n${user.toLowerCase()}`;
    if (this.#answered.has(key)) return false;
    this.#answered.set(key, true);
    return true;
  }
}
