// `--format json`: exactly one document of the PRODUCT.md §5 shape (engine/result.ts).
import type { ReviewResult } from '../engine/result.js';

export function renderJson(result: ReviewResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}
