// `--format json`: exactly one document of the PRODUCT.md §5 shape.
import type { ReviewResult } from '../engine/review.js';
import { asDocument } from './result-schema.js';

export function renderJson(result: ReviewResult): string {
  return JSON.stringify(asDocument(result), null, 2) + '\n';
}
