// Bundles the dashboard into dist/ (served by the API at /dashboard): one ES module with
// Chart.js inside, so nothing is fetched from a CDN at run time.
import {build} from 'esbuild';
import {cp, rm} from 'node:fs/promises';

await rm(new URL('dist/', import.meta.url), {recursive: true, force: true});
await build({
	entryPoints: {app: 'src/main.ts'},
	outdir: 'dist',
	bundle: true,
	format: 'esm',
	minify: true,
	target: ['chrome120', 'firefox128', 'safari17'],
	charset: 'utf8',
	legalComments: 'linked',
	logLevel: 'warning',
});
await cp('static', new URL('dist/', import.meta.url), {recursive: true});
