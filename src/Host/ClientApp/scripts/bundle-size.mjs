// Measures the JavaScript and CSS a person downloads for a route, gzipped (level 9), from a build made with
// `vite build --manifest`: the entry with everything it imports statically, plus each named lazy module and its static
// imports. Run by bench/web-bundle.sh (issue 9's budget: sign-in + inbox ≤ 300 KB gzipped); not a test.
//   node scripts/bundle-size.mjs [--budget=<KB>] <build folder> <module> [<module> ...]
// With a budget it says whether the total gzipped size is within it, and exits 1 when it is not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const budget = Number(args.find((arg) => arg.startsWith('--budget='))?.slice('--budget='.length) ?? NaN);
const [folder, ...modules] = args.filter((arg) => !arg.startsWith('--budget='));
const manifest = JSON.parse(readFileSync(join(folder, '.vite/manifest.json'), 'utf8'));
const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);

const loaded = new Set();
const visit = (key) => {
  if (loaded.has(key)) return;
  if (!manifest[key]) throw new Error(`bundle-size: no module ${key} in the manifest`);
  loaded.add(key);
  for (const imported of manifest[key].imports ?? []) visit(imported);
};

const files = (keys) => [...new Set([...keys].flatMap((key) => [manifest[key].file, ...(manifest[key].css ?? [])]))];
const measure = (keys) => {
  const sizes = files(keys).map((file) => {
    const content = readFileSync(join(folder, file));
    return { file, raw: content.length, gzip: gzipSync(content, { level: 9 }).length, brotli: brotliCompressSync(content).length };
  });
  return sizes.sort((a, b) => b.gzip - a.gzip);
};
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const report = (title, keys) => {
  const sizes = measure(keys);
  const sum = (field) => sizes.reduce((total, size) => total + size[field], 0);
  console.log(`${title}: ${kb(sum('gzip'))} gzipped (${kb(sum('brotli'))} brotli, ${kb(sum('raw'))} raw) in ${sizes.length} files`);
  return { sizes, gzip: sum('gzip') };
};

visit(entry);
report('entry', loaded);
for (const module of modules) visit(module);
const { sizes, gzip } = report(`entry + ${modules.join(' + ')}`, loaded);
for (const size of sizes) console.log(`  ${kb(size.gzip).padStart(9)}  ${size.file}`);
if (!Number.isNaN(budget)) {
  const met = gzip <= budget * 1024;
  console.log(`budget ${budget} KB gzipped: ${met ? 'met' : 'NOT met'} (${kb(gzip)}, ${kb(Math.abs(budget * 1024 - gzip))} ${met ? 'to spare' : 'over'})`);
  if (!met) process.exitCode = 1;
}
