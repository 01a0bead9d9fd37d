// Data sources whose result their arguments alone fix, read as Terraform reads them at plan
// time: hashicorp/local's local_file (and local_sensitive_file) `content` is the file read as
// file() reads it, and hashicorp/template's template_file `rendered` is its `template` rendered
// with `vars` as templatefile() renders a file. A PR changing the file or the template changes them.
import { readingFunction, renderTemplate } from './data-files.js';
import type { Scope } from './evaluate.js';
import { Unknown, isObject, type Value } from './value.js';

const FILE_SOURCES = new Set(['local_file', 'local_sensitive_file']);

/** The attribute `attribute` of a single data source of type `type`, when its arguments fix it; undefined otherwise. */
export function localData(type: string, attribute: string, argument: (name: string) => Value | undefined, scope: Scope, src: string): Value | undefined {
  if (FILE_SOURCES.has(type) && attribute === 'content') {
    const filename = argument('filename');
    return filename === undefined ? undefined : readingFunction('file', [filename], scope, src, scope.module.resolveFile?.bind(scope.module));
  }
  if (type !== 'template_file' || attribute !== 'rendered') return undefined;
  const template = argument('template');
  const vars = argument('vars') ?? null;
  for (const v of [template, vars]) if (v instanceof Unknown) return new Unknown(src, v.reason, v.setOutside);
  if (typeof template !== 'string' || (vars !== null && !isObject(vars))) return undefined;
  return renderTemplate(template, vars, scope);
}
