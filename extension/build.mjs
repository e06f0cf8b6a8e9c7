// Bundles the extension into dist/: one IIFE per entry (no ES modules in content scripts or a
// Firefox background script), static files copied as is, icons drawn here (no binaries in git).
import {build} from 'esbuild';
import {cp, mkdir, rm, writeFile} from 'node:fs/promises';
import {deflateSync} from 'node:zlib';

const dist = new URL('dist/', import.meta.url);

await rm(dist, {recursive: true, force: true});
await build({
	entryPoints: {
		background: 'src/background.ts',
		content: 'src/content.ts',
		'options/options': 'src/options/options.ts',
		'popup/popup': 'src/popup/popup.ts',
	},
	outdir: 'dist',
	bundle: true,
	format: 'iife',
	target: ['chrome120', 'firefox140'],
	charset: 'utf8',
	legalComments: 'none',
	logLevel: 'warning',
});
await cp('static', dist, {recursive: true});
await cp('src/options/options.html', new URL('options/options.html', dist));
await cp('src/options/options.css', new URL('options/options.css', dist));
await cp('src/popup/popup.html', new URL('popup/popup.html', dist));

// --- Icons: a rounded blue square with two white figures side by side (credit shared). -------
const crcTable = Array.from({length: 256}, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xed_b8_83_20 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});
const crc32 = bytes => {
	let c = 0xff_ff_ff_ff;
	for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
	return (c ^ 0xff_ff_ff_ff) >>> 0;
};

function chunk(type, data) {
	const out = Buffer.alloc(12 + data.length);
	out.writeUInt32BE(data.length, 0);
	out.write(type, 4, 'ascii');
	data.copy(out, 8);
	out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
	return out;
}

function png(size) {
	const raw = Buffer.alloc(size * (size * 4 + 1));
	const inside = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
	for (let y = 0; y < size; y++) {
		raw[y * (size * 4 + 1)] = 0; // Filter: none.
		for (let x = 0; x < size; x++) {
			const u = (x + 0.5) / size;
			const v = (y + 0.5) / size;
			const r = 0.18;
			const cornerX = Math.min(Math.max(u, r), 1 - r);
			const cornerY = Math.min(Math.max(v, r), 1 - r);
			const inSquare = (u - cornerX) ** 2 + (v - cornerY) ** 2 <= r * r;
			const figure =
				inside(u, v, 0.36, 0.36, 0.11) || inside(u, v, 0.64, 0.36, 0.11) ||
				(v > 0.52 && v < 0.8 && (inside(u, v, 0.36, 0.8, 0.2) || inside(u, v, 0.64, 0.8, 0.2)));
			const [red, green, blue, alpha] = !inSquare ? [0, 0, 0, 0] : figure ? [255, 255, 255, 255] : [10, 102, 194, 255];
			raw.set([red, green, blue, alpha], y * (size * 4 + 1) + 1 + x * 4);
		}
	}

	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA.
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(raw)),
		chunk('IEND', Buffer.alloc(0)),
	]);
}

await mkdir(new URL('icons/', dist), {recursive: true});
for (const size of [16, 32, 48, 128]) await writeFile(new URL(`icons/icon-${size}.png`, dist), png(size));
console.log('Built dist/');
