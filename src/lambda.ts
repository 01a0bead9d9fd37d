// AWS Lambda (API Gateway) entry, equivalent to @probot/adapter-aws-lambda-serverless, whose
// published version targets Probot 13: verify the signature and hand the event to the app.
import { createProbot, type ApplicationFunction, type Probot } from 'probot';
import app from './app/app.js';
import { createLogger } from './app/logger.js';

export interface ApiGatewayEvent {
  headers: Record<string, string | undefined>;
  body: string | null;
  isBase64Encoded?: boolean;
  httpMethod?: string;
  requestContext?: { http?: { method?: string } };
}

export interface LambdaResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

const json = (statusCode: number, body: unknown): LambdaResult => ({ statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export function createLambdaHandler(appFn: ApplicationFunction, getProbot: () => Probot): (event: ApiGatewayEvent) => Promise<LambdaResult> {
  let ready: Promise<Probot> | null = null;
  return async (event) => {
    ready ??= (async () => {
      const probot = getProbot();
      await probot.load(appFn);
      await probot.ready();
      return probot;
    })();
    const probot = await ready;
    const method = event.httpMethod ?? event.requestContext?.http?.method ?? 'POST';
    if (method === 'GET') return json(200, { ok: true, app: 'sg-review' });
    const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v ?? '']));
    const id = headers['x-github-delivery'];
    const name = headers['x-github-event'];
    const signature = headers['x-hub-signature-256'] || headers['x-hub-signature'];
    if (!id || !name || !signature) return json(400, { ok: false, error: 'Required headers missing: x-github-delivery, x-github-event, x-hub-signature-256' });
    const payload = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '');
    try {
      await probot.webhooks.verifyAndReceive({ id, name: name as never, signature, payload });
      return json(200, { ok: true });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const status = /signature/i.test(message) ? 401 : 500;
      return json(status, { ok: false, error: message });
    }
  };
}

export const handler = createLambdaHandler(app, () => createProbot({ overrides: { log: createLogger() } }));
