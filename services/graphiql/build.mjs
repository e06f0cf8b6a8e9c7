// Copies GraphiQL, React and the explorer plugin (their UMD builds, from npm) and our page
// into the package's data, where the API serves them: the page loads nothing from a CDN.
import {copyFileSync, mkdirSync, rmSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'api', 'teamcredit', 'data', 'graphiql');
const files = {
  'react.production.min.js': 'react/umd/react.production.min.js',
  'react-dom.production.min.js': 'react-dom/umd/react-dom.production.min.js',
  'graphiql.min.js': 'graphiql/graphiql.min.js',
  'graphiql.min.css': 'graphiql/graphiql.min.css',
  'plugin-explorer.umd.js': '@graphiql/plugin-explorer/dist/index.umd.js',
  'plugin-explorer.css': '@graphiql/plugin-explorer/dist/style.css',
};
rmSync(out, {recursive: true, force: true});
mkdirSync(out, {recursive: true});
for (const [name, source] of Object.entries(files)) {
  copyFileSync(join(here, 'node_modules', source), join(out, name));
}
copyFileSync(join(here, 'index.html'), join(out, 'index.html'));
console.log(`GraphiQL assets in ${out}`);
