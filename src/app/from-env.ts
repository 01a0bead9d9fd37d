// The run bookkeeping and, with REDIS_URL, the review queue, as the environment configures them.
import { Redis } from 'ioredis';
import { ReviewQueue, queueSettings } from './queue.js';
import { RedisRunRegistry } from './redis-runs.js';
import { RunRegistry } from './runs.js';

export function reviewsFromEnv(env: NodeJS.ProcessEnv = process.env): { registry: RunRegistry; queue?: ReviewQueue } {
  const url = env['REDIS_URL'];
  if (!url) return { registry: new RunRegistry() };
  // BullMQ's blocking commands need maxRetriesPerRequest: null
  const redis = new Redis(url, { maxRetriesPerRequest: null });
  return { registry: new RedisRunRegistry(redis), queue: new ReviewQueue(redis, queueSettings(env)) };
}
