// Source files in, model out: the first stage of the pipeline, with no I/O of its own.
import { FileParser, type SourceFile } from './hcl/parse.js';
import { isTfvars } from './evaluate/tfvars.js';
import { buildModel } from './model/build.js';
import type { Model } from './model/types.js';

/** Whether a path is a file Terraform reads as part of a module. */
export function isTerraformFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.endsWith('.tf') || name.endsWith('.tf.json') || isTfvars(name);
}

export async function loadModel(files: SourceFile[], parser: FileParser = new FileParser()): Promise<Model> {
  const relevant = files.filter((f) => isTerraformFile(f.path));
  const parsed = await Promise.all(relevant.map((f) => parser.parse(f)));
  return buildModel(parsed);
}
