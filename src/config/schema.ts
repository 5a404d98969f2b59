/**
 * The schema of `docs.config.ts`: every key, its type, range and default, and
 * the hint a user gets when a value does not fit. Strict: an unknown key is an
 * error (with the closest known key suggested). The config's TypeScript types
 * are derived from it (src/config/define.ts).
 */
import { z } from 'astro/zod';

const folder = (what: string) => z.string().min(1, 'must not be empty').describe(`${what}, relative to the config file's folder.`);
const folders = (what: string) => z.array(folder(what)).describe(`A list of folders (${what}), e.g. \`['changelog/open_source']\`.`);
const name = (what: string) => z.string().min(1, 'must not be empty').describe(what);

/** A redirect or rewrite rule in Firebase Hosting's format: `:version` and `:name` match one segment, `:path*` the rest. */
const redirectRule = z.strictObject({
  source: name('The path it matches, e.g. `/gloo-edge/:version/old/:path*`.'),
  destination: name('Where it leads, e.g. `/gloo-edge/:version/new/:path*`.'),
  type: z.union([z.string(), z.number()]).describe('HTTP status: `301` or `302` (Firebase writes it as a string or a number).').optional(),
});

/**
 * The docs versions from the branches of one git repository, as Gloo's `docs/build-docs.sh` builds them: each
 * version's `content/` and changelog from its own ref; layouts, data, the Hugo config and everything else in the
 * docs folder from one ref (Gloo: `main`) for all versions (docs/branches.md).
 */
const gitSchema = z.strictObject({
  repo: folder('A repository path or a bundle file (`--repo` overrides it)'),
  docs: name('The docs folder inside the repository (default `docs`).').optional(),
  changelog: name('The changelog folder inside the repository (default `changelog`).').optional(),
  versions: z
    .union([z.array(z.string().min(1)), z.strictObject({ file: name('The file that lists the versions, e.g. `docs/active_versions.json`.'), ref: name('The ref to read it from.').optional() })])
    .describe("The refs to build in the dropdown's order (`--versions` overrides), or `{ file: 'docs/active_versions.json' }` read from `layoutRef`, as Gloo does.")
    .optional(),
  latest: name('The version served under `latest/` (`--latest` overrides).').optional(),
  old: z.array(z.string().min(1)).describe('Versions that get the old-version banner (with a list of refs: default every ref after `latest`).').optional(),
  layoutRef: name('The ref whose docs folder supplies layouts, data, the Hugo config, static files (default `main`, as Gloo).').optional(),
  perVersion: z.array(z.string().min(1)).describe("Folders of the docs folder each version takes from its own ref (default `['content']`, as Gloo).").optional(),
  aliases: z.record(z.string(), z.string()).describe("Names standing for other refs: `{ main: 'v1.17.x' }` (a version keeps its name in URLs).").optional(),
});

export const siteConfigSchema = z.strictObject({
  root: folder('The docs root (`readfile` paths are relative to it)').default('.'),
  content: folder('The folder of Markdown pages').default('content'),
  snippets: folder('The folder of version snippet pins (`version_<key>.md`)').default('static/content'),
  changelog: z
    .strictObject({
      open_source: folders('Gloo Edge Open Source changelog folders').default(['changelog/open_source']),
      enterprise: folders('Gloo Edge Enterprise changelog folders').default(['changelog/enterprise']),
    })
    .describe('Changelog folders per product: `{ open_source: [...], enterprise: [...] }`; several per product are merged.')
    .prefault({}),
  base: z
    .string()
    .regex(/^\/(?:[^/\s]+\/)*$/, 'must start and end with "/"')
    .describe('The base path of the site, with a leading and a trailing slash, e.g. `/gloo-edge/`.')
    .default('/gloo-edge/'),
  product: name('The product name in titles, e.g. `Gloo Edge`.').default('Gloo Edge'),
  productNames: z
    .strictObject({
      open_source: name('The open-source product name on the changelog page.').default('Gloo Edge Open Source'),
      enterprise: name('The enterprise product name on the changelog page.').default('Gloo Edge Enterprise'),
    })
    .describe('Names of the two products on the changelog pages: `{ open_source: ..., enterprise: ... }`.')
    .prefault({}),
  versions: z
    .strictObject({
      newest: z.number().int().min(1).describe('How many minor lines to build, newest first: a whole number of at least 1, e.g. `newest: 4`.').optional(),
      include: z.array(z.string().min(1)).describe('Exactly these docs versions, e.g. `include: [\'v1.15.x\']`.').optional(),
      newestLineKnown: z
        .boolean()
        .describe("The changelog holds the newest minor line that exists, so that line's `n+1` is its latest (inferred when that line is still in prereleases; see docs/changelog.md).")
        .optional(),
    })
    .describe('Which docs versions to build: `{ newest: 4 }` or `{ include: [\'v1.17.x\'] }`.')
    .prefault({}),
  knownExternal: z
    .array(z.string().startsWith('/', 'must start with "/"'))
    .describe('Paths from the docs root that live outside this site, e.g. `[\'/operations/production_deployment/\']`.')
    .default([]),
  shortcodes: folder('A folder of custom shortcode modules').optional(),
  data: folder("Hugo's data folder (`ProtoMap.yaml` for the `protobuf` shortcode, `support.yaml`, …); default: the docs root's `data/` when there is one").optional(),
  layouts: folder("Hugo's layouts folder: its `shortcodes/` templates are run (see docs/shortcodes.md); default: the docs root's `layouts/` when there is one").optional(),
  params: z
    .record(z.string(), z.unknown())
    .describe("Hugo's site parameters (a Hugo config's `[params]`): `.Site.Params` in templates; `noSecurityScan` for `readfile type=\"SECURITY_SCAN\"`.")
    .optional(),
  outDir: folder('Where the built site goes').default('dist'),
  title: name('The site title in the header (default: `<product> docs`).').optional(),
  logo: name('The logo in the header: a path from a version\'s root (`img/logo.png`), or a URL or a path from the site\'s origin (`/favicon.svg`).').optional(),
  headerLinks: z
    .array(z.strictObject({ name: name('The link text.'), url: name('The link target.') }))
    .describe("Links in the header (Hugo's `menu.shortcuts`): `[{ name: 'GitHub', url: 'https://…' }]`.")
    .default([]),
  editUrl: name('"Edit this page" on every page with a source file: this URL with the file\'s path relative to the project appended, e.g. `https://github.com/solo-io/gloo/edit/main/docs/`.').optional(),
  lastUpdated: z.boolean().describe('"Last updated" on every page: the date of the last git commit of its source file.').default(false),
  archivedDocs: name(
    'Where the docs of versions this site does not carry live, `{version}` standing for the docs version id: `https://archive.example.com/docs/{version}/`. A page telling readers to select such a version in the menu links there instead.',
  )
    .refine((v) => v.includes('{version}'), 'must contain `{version}` (replaced by a docs version id such as v1.13.x)')
    .optional(),
  ogImage: name('The Open Graph image of every page (`og:image`): an absolute URL, or a path on the site\'s origin.').optional(),
  git: gitSchema.describe('Build every docs version from its own git ref (docs/branches.md); the content paths above are then ignored.').optional(),
  redirects: z
    .array(redirectRule)
    .describe("Redirects in Firebase's format (paste them from build-docs.sh's firebase.json): a redirect page for each concrete source path, plus `firebase.json` and `_redirects`.")
    .optional(),
  rewrites: z.array(redirectRule).describe("Rewrites in Firebase's format (served without a redirect by the host): written to `firebase.json` and `_redirects`.").optional(),
  ignoreFiles: z
    .array(z.string())
    .describe("Regular expressions: content files whose path (from the content folder) matches one are skipped, as Hugo's `ignoreFiles`.")
    .default([]),
  cacheKeepBuilds: z
    .number()
    .int()
    .min(0)
    .describe('After a successful build, cache entries (compiled pages, git snapshots and blobs) that none of the last N builds used are removed (`0`: never).')
    .default(3),
  strictChangelog: z
    .boolean()
    .describe("Changelog quirks Solo's own tooling accepts (key case, unknown fields, …) are errors too (`true`, as `--strict` does); otherwise warnings (`false`).")
    .default(false),
});

/** A redirect or rewrite rule (Firebase's format). */
export type RedirectRule = z.output<typeof redirectRule>;
/** The `git` section: versions from the branches of one repository. */
export type GitConfig = z.output<typeof gitSchema>;
/** A header link (Hugo's `menu.shortcuts` entry). */
export type HeaderLink = SiteConfig['headerLinks'][number];

/** What a user writes: every key optional. */
export type UserConfig = z.input<typeof siteConfigSchema>;
/** The config with every default filled in. */
export type SiteConfig = z.output<typeof siteConfigSchema>;

/** The schema of the value at `path` (object keys only), with optional/default wrappers removed. */
function schemaAt(path: readonly PropertyKey[]): { schema: z.ZodType | undefined; description: string | undefined } {
  let schema: z.ZodType | undefined = siteConfigSchema;
  let description: string | undefined;
  const unwrap = () => {
    for (;;) {
      description ??= schema?.description;
      const def = schema?.def as { type: string; innerType?: z.ZodType; element?: z.ZodType } | undefined;
      if (def && ['optional', 'default', 'prefault', 'nullable'].includes(def.type)) schema = def.innerType;
      else return;
    }
  };
  unwrap();
  for (const key of path) {
    description = undefined;
    const def = schema?.def as { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType } | undefined;
    if (def?.type === 'object' && typeof key === 'string') schema = def.shape?.[key];
    else if (def?.type === 'array' && typeof key === 'number') schema = def.element;
    else schema = undefined;
    unwrap();
  }
  return { schema, description };
}

/** The keys the object at `path` may have. */
export function knownKeys(path: readonly PropertyKey[]): string[] {
  const def = schemaAt(path).schema?.def as { type: string; shape?: Record<string, unknown> } | undefined;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/** What the value at `path` should be, in words (the schema's description). */
export function describeKey(path: readonly PropertyKey[]): string | undefined {
  return schemaAt(path).description;
}
