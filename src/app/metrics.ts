// Prometheus metrics of this process (GET /metrics): reviews by conclusion, findings,
// failures, review durations, GitHub requests by method and status, and the queue's depth
// when reviews go through Redis. One registry per process.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const metrics = new Registry();
collectDefaultMetrics({ register: metrics, prefix: 'sg_review_process_' });

const reviews = new Counter({ name: 'sg_review_reviews_total', help: 'Reviews concluded, by conclusion', labelNames: ['conclusion'], registers: [metrics] });
const findings = new Counter({ name: 'sg_review_findings_total', help: 'Findings reported by concluded reviews', registers: [metrics] });
const failures = new Counter({
  name: 'sg_review_failures_total',
  help: 'Reviews that could not complete (GitHub or infrastructure errors)',
  registers: [metrics],
});
const durations = new Histogram({
  name: 'sg_review_review_duration_seconds',
  help: 'Time from check run created to conclusion',
  buckets: [0.5, 1, 2, 5, 10, 20, 40, 80, 160],
  registers: [metrics],
});
const requests = new Counter({
  name: 'sg_review_github_requests_total',
  help: 'GitHub API requests, by method and status',
  labelNames: ['method', 'status'],
  registers: [metrics],
});
const queueJobs = new Gauge({ name: 'sg_review_queue_jobs', help: 'Review jobs in the Redis queue, by state', labelNames: ['state'], registers: [metrics] });

export function recordConclusion(conclusion: string, seconds: number, failed: boolean): void {
  reviews.inc({ conclusion });
  durations.observe(seconds);
  if (failed) failures.inc();
}

export function recordFindings(count: number): void {
  findings.inc(count);
}

export function recordGitHubRequest(method: string, status: number): void {
  requests.inc({ method, status: String(status) });
}

export function recordQueueDepth(counts: Record<string, number>): void {
  for (const [state, n] of Object.entries(counts)) queueJobs.set({ state }, n);
}

/**
 * GET /healthz (the process answers), /readyz (its dependencies answer: Redis when
 * configured) and /metrics. Returns false for any other request, as Probot's handlers do.
 */
export function operationsHandler(ready: () => Promise<boolean>) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET') return false;
    if (path === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
      return true;
    }
    if (path === '/readyz') {
      const ok = await ready().catch(() => false);
      res.writeHead(ok ? 200 : 503, { 'content-type': 'text/plain' }).end(ok ? 'ready\n' : 'not ready\n');
      return true;
    }
    if (path === '/metrics') {
      res.writeHead(200, { 'content-type': metrics.contentType }).end(await metrics.metrics());
      return true;
    }
    return false;
  };
}
