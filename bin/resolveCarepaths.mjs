// Module hooks for models written by users, wherever they are on disk:
// - `import { defineCareModel } from 'carepaths'` gets this installation of carepaths, whether or
//   not the model's folder has carepaths installed;
// - a .ts or .js model is an ES module even in a folder whose package.json does not say
//   "type": "module" (or that has none), as the README's examples are written.
const entry = new URL('../dist/index.js', import.meta.url).href;
const ours = new URL('..', import.meta.url).href;

export async function resolve(specifier, context, next) {
  if (specifier === 'carepaths') return next(entry, context);
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (url.startsWith('file:') && !url.startsWith(ours) && !url.includes('/node_modules/') && /\.(ts|js)(\?|$)/.test(url)) {
    return next(url, { ...context, format: 'module' });
  }
  return next(url, context);
}
