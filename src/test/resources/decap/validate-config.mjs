// Validates a Decap CMS configuration (JSON) with Decap's own rules, taken from its npm packages:
// the schema in decap-cms-core's src/constants/configSchema.js, checked with the Ajv plugins Decap
// uses, each widget's own schema (src/schema.js of its package), the widgets decap-cms-app
// registers, and the formats decap-cms-core can read and write.
//
// Usage: node validate-config.mjs <tools folder> <config.json> <widget package>...
// The tools folder holds the unpacked packages (<name>/package/...) and node_modules with ajv,
// ajv-keywords and ajv-errors. Prints "valid" and exits 0, or prints every finding and exits 1.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [tools, configFile, ...widgetPackages] = process.argv.slice(2);
const read = file => fs.readFileSync(path.join(tools, file), 'utf8');
const keysOf = body => [...body.matchAll(/^\s*'?([\w-]+)'?\s*:/gm)].map(m => m[1]);
const valuesOf = body => [...body.matchAll(/=\s*'([^']+)'/g)].map(m => m[1]);
const block = (text, start) => {
  const at = text.indexOf(start);
  if (at < 0) throw new Error('not found in Decap source: ' + start);
  const open = text.indexOf(start.endsWith('[') ? '[' : '{', at + start.length - 1);
  const close = text.indexOf(start.endsWith('[') ? ']' : '}', open);
  return text.slice(open + 1, close);
};

// What the schema module imports, from the same release's sources.
const formats = read('decap-cms-core/package/src/formats/formats.ts');
const i18n = read('decap-cms-core/package/src/lib/i18n.ts');
const frontmatterFormats = [...block(formats, 'export const frontmatterFormats = [').matchAll(/'([^']+)'/g)]
  .map(m => m[1]);
const extensionFormatters = Object.fromEntries(
  keysOf(block(formats, 'export const extensionFormatters = {')).map(k => [k, {}]));
const formatterNames = keysOf(block(formats, 'const formatters: Record<string, Formatter> = {'));
const I18N_STRUCTURE = Object.fromEntries(valuesOf(block(i18n, 'export enum I18N_STRUCTURE {')).map(v => [v, v]));
const I18N_FIELD = Object.fromEntries(valuesOf(block(i18n, 'export enum I18N_FIELD {')).map(v => [v, v]));

// The widgets decap-cms-app registers; 'hidden' is handled by decap-cms-core itself.
const extensions = read('decap-cms-app/package/src/extensions.js');
const registered = new Set([...extensions.matchAll(/from 'decap-cms-widget-([a-z]+)'/g)].map(m => m[1]));
const widgets = [];
let n = 0;
for (const pkg of widgetPackages) {
  const name = pkg.replace(/^decap-cms-widget-/, '');
  if (!registered.has(name)) throw new Error(pkg + ' is not registered by decap-cms-app');
  let schema = {};
  const file = path.join(tools, pkg, 'package/src/schema.js');
  if (fs.existsSync(file)) {
    const module = path.join(tools, `schema-${n++}.mjs`);
    fs.writeFileSync(module, fs.readFileSync(file, 'utf8'));
    schema = (await import(pathToFileURL(module))).default;
  }
  widgets.push({ name, schema });
}
globalThis.__decap = { frontmatterFormats, extensionFormatters, I18N_STRUCTURE, I18N_FIELD, widgets };

let source = read('decap-cms-core/package/src/constants/configSchema.js');
const replace = (from, to) => {
  if (!source.includes(from)) throw new Error('Decap source changed, cannot find: ' + from);
  source = source.replace(from, to);
};
replace(/import \{\s*select,\s*uniqueItemProperties,\s*instanceof as instanceOf,\s*prohibited,\s*\} from 'ajv-keywords\/dist\/keywords';/.exec(source)?.[0] ?? 'ajv-keywords import',
  "import keywords from 'ajv-keywords/dist/keywords/index.js';\n"
  + 'const { select, uniqueItemProperties, instanceof: instanceOf, prohibited } = keywords;');
replace("import { frontmatterFormats, extensionFormatters } from '../formats/formats';",
  'const { frontmatterFormats, extensionFormatters } = globalThis.__decap;');
replace("import { getWidgets } from '../lib/registry';", 'const getWidgets = () => globalThis.__decap.widgets;');
replace("import { I18N_STRUCTURE, I18N_FIELD } from '../lib/i18n';",
  'const { I18N_STRUCTURE, I18N_FIELD } = globalThis.__decap;');
const schemaModule = path.join(tools, 'configSchema.mjs');
fs.writeFileSync(schemaModule, source);
const { validateConfig } = await import(pathToFileURL(schemaModule));

const config = JSON.parse(fs.readFileSync(configFile, 'utf8'));
const findings = [];
console.error = () => {};
try {
  validateConfig(config);
} catch (e) {
  findings.push(String(e.message ?? e));
}
// What the schema leaves to the app: each widget must exist, each format must have a formatter.
const known = new Set([...widgets.map(w => w.name), 'hidden']);
const visit = (fields, where) => (fields ?? []).forEach((f, i) => {
  const at = `${where}[${i}] (${f.name})`;
  if (!known.has(f.widget ?? 'string')) findings.push(`${at}: no widget '${f.widget}' is registered`);
  visit(f.fields, at + '.fields');
  if (f.field) visit([f.field], at + '.field');
});
(config.collections ?? []).forEach((c, i) => {
  if (c.format && !formatterNames.includes(c.format)) findings.push(`collections[${i}]: no format '${c.format}'`);
  visit(c.fields, `collections[${i}].fields`);
});
if (findings.length) {
  console.log(findings.join('\n'));
  process.exit(1);
}
console.log('valid');
