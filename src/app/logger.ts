// The app's logger. At debug level Probot logs the body of every GitHub request (GraphQL
// queries, review comments with suggestion blocks: Terraform lines) and every webhook payload;
// those fields are dropped here, keeping the message (method, path, status, event name).
import pino, { type Logger } from 'pino';

const BODY_MESSAGES = /^(GitHub request: |Webhook received)/;

export function createLogger(level = process.env['LOG_LEVEL'] ?? 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      name: 'sg-review',
      level,
      hooks: {
        logMethod(args, method) {
          const [fields, message] = args as unknown[];
          if (typeof message === 'string' && BODY_MESSAGES.test(message) && typeof fields === 'object' && fields !== null) {
            const event = (fields as { event?: { id?: unknown; name?: unknown } }).event;
            return method.call(this, event ? { delivery: event.id, event: event.name } : {}, message);
          }
          return method.apply(this, args);
        },
      },
    },
    destination,
  );
}
