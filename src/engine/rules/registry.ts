// Every finding rule, in the order they are reported within a severity.
import type { FindingRule } from './context.js';
import { missingDescription } from './missing-description.js';
import { newEgress } from './new-egress.js';
import { newIngress } from './new-ingress.js';
import { newInternetPath } from './new-internet-path.js';
import { parseError } from './parse-error.js';
import { unresolvedValue } from './unresolved-value.js';

export const FINDING_RULES: FindingRule[] = [newIngress, newEgress, newInternetPath, unresolvedValue, parseError, missingDescription];
