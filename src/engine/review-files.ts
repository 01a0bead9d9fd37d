// Files in, review out: models both revisions with one parser, so files the two revisions
// share are parsed once.
import type { Config } from '../config/schema.js';
import { FileParser, type HclToJson, type SourceFile } from './hcl/parse.js';
import { loadModel } from './load.js';
import { review, type ReviewResult } from './review.js';

export async function reviewFiles(base: SourceFile[], head: SourceFile[], config: Config, toJson?: HclToJson): Promise<ReviewResult> {
  const parser = new FileParser(toJson);
  const [baseModel, headModel] = await Promise.all([loadModel(base, parser), loadModel(head, parser)]);
  return review(baseModel, headModel, config);
}
