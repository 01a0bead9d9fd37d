// The Probot app: registers the handlers and nothing else.
import type { ApplicationFunction, Context } from 'probot';
import { onComment } from './handlers/command.js';
import { onMergeGroup } from './handlers/merge-group.js';
import { onPullRequest } from './handlers/pull-request.js';
import { onCheckRun, onCheckSuite } from './handlers/rerun.js';
import { CommandPolicy } from './command-policy.js';
import { checkPayload } from './payloads.js';
import { RunRegistry } from './runs.js';

export function createApp(registry = new RunRegistry()): ApplicationFunction {
  return (app) => {
    // Probot's context.octokit shares one write queue (1 write/s) across every installation in
    // the process; a client from app.auth(installationId) has a queue per installation.
    const perInstallation = async (context: Context) => {
      const id = (context.payload as { installation?: { id?: number } }).installation?.id;
      if (!id) return;
      const octokit = await app.auth(id);
      // keep the delivery id on every request, as context.octokit does, for GitHub Support
      octokit.hook.before('request', (options) => {
        options.headers['x-github-delivery'] = context.id;
      });
      context.octokit = octokit;
    };
    // the same delivery received twice (a redelivery keeps its id) posts nothing twice
    const once =
      <C extends Context>(handler: (context: C, registry: RunRegistry) => Promise<void>) =>
      async (context: C) => {
        checkPayload(context.name, context.payload);
        if (registry.closing || !(await registry.firstDelivery(context.id))) return;
        await perInstallation(context);
        await handler(context, registry);
      };
    app.on(['pull_request.opened', 'pull_request.synchronize', 'pull_request.reopened', 'pull_request.ready_for_review'], once(onPullRequest));
    app.on(['check_run.rerequested', 'check_run.requested_action'], once(onCheckRun));
    app.on('check_suite.rerequested', once(onCheckSuite));
    app.on('merge_group.checks_requested', once(onMergeGroup));
    const policy = new CommandPolicy();
    app.on(
      'issue_comment.created',
      once((context: Context<'issue_comment.created'>, runs) => onComment(context, runs, policy)),
    );
  };
}

export default createApp();
