// Module hooks for models written by users, wherever they are on disk:
// - `import { defineCareModel } from 'carepaths/model'` (or from 'carepaths', or any stage's
//   entry) gets this installation of carepaths, whether or not the model's folder has it installed;
// - a .ts or .js model is an ES module even in a folder whose package.json does not say
//   "type": "module" (or that has none), as the README's examples are written.
const dist = new URL('../dist/', import.meta.url).href;
const ours = new URL('..', import.meta.url).href;
const stages = new Set(['model', 'graph', 'pathways', 'markov', 'simulate', 'analysis', 'strategy', 'render', 'report', 'io']);

export async function resolve(specifier, context, next) {
  if (specifier === 'carepaths') return next(`${dist}index.js`, context);
  const stage = specifier.startsWith('carepaths/') ? specifier.slice('carepaths/'.length) : undefined;
  if (stage && stages.has(stage)) return next(`${dist}${stage}/index.js`, context);
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (url.startsWith('file:') && !url.startsWith(ours) && !url.includes('/node_modules/') && /\.(ts|js)(\?|$)/.test(url)) {
    return next(url, { ...context, format: 'module' });
  }
  return next(url, context);
}
