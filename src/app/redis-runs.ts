// RunRegistry with its shared state in Redis, for replicas behind one load balancer: delivery
// dedupe and the newest run of each PR head hold cluster-wide. Runs in flight (drained on
// SIGTERM) stay per process. Keys expire, so Redis holds only recent PRs.
import type { Redis } from 'ioredis';
import { RunRegistry } from './runs.js';

const DAY_S = 86_400;
const PREFIX = 'sg-review';

export class RedisRunRegistry extends RunRegistry {
  constructor(readonly redis: Redis) {
    super();
  }

  override async firstDelivery(id: string): Promise<boolean> {
    return (await this.redis.set(`${PREFIX}:delivery:${id}`, '1', 'EX', DAY_S, 'NX')) === 'OK';
  }

  override async begin(key: string, headSha: string): Promise<number> {
    const seq = await this.redis.incr(`${PREFIX}:seq`);
    await this.redis
      .multi()
      .hset(`${PREFIX}:heads:${key}`, headSha, seq)
      .expire(`${PREFIX}:heads:${key}`, 7 * DAY_S)
      .exec();
    return seq;
  }

  override async isLatestRunOfHead(key: string, headSha: string, seq: number): Promise<boolean> {
    const latest = await this.redis.hget(`${PREFIX}:heads:${key}`, headSha);
    return latest === null || Number(latest) === seq;
  }

  override async sawOtherHeads(key: string, headSha: string): Promise<boolean> {
    return (await this.redis.hkeys(`${PREFIX}:heads:${key}`)).some((h) => h !== headSha);
  }
}
