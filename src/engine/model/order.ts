// hcl2json orders resources by name; the model reports them in source order instead.
import type { Location, Model } from './types.js';

const bySource = (a: { location: Location }, b: { location: Location }) =>
  a.location.file < b.location.file ? -1 : a.location.file > b.location.file ? 1 : a.location.startLine - b.location.startLine;

export function sortBySource(model: Model): void {
  model.groups.sort(bySource);
  model.rules.sort(bySource);
  model.declarations.sort(bySource);
  model.attachments.sort(bySource);
}
