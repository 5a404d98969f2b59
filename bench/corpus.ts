/**
 * The benchmark corpus: a project tree with N pages at the upgrade guide's
 * shortcode density and a changelog that gives V docs versions, written into
 * a temporary folder. Deterministic: the same (pages, versions, seed) gives
 * the same bytes.
 *
 * Layout of the generated project:
 *
 *   content/_index.md                       home
 *   content/s01/_index.md                   one section per 50 pages
 *   content/s01/p0001.md ... p0050.md       guide-like pages
 *   changelog/open_source/v1.M.P/…yaml      V + 2 minor lines (n-1, n-2 need older lines)
 *   changelog/enterprise/v1.M.P/…yaml
 *   docs.config.ts                          versions: { newest: V, newestLineKnown: true }
 *   corpus.json                             what the runners need (pages, versions, values, user config)
 *
 * Every page is the guide's skeleton (44 readfile calls, also inside fenced
 * code and headings; 12 versioned_link_path links; 7 notices, one of them on
 * one line inside a list item; 3 tab sets with 6 tabs under list items;
 * 22 fenced code blocks) with seeded text, names and link targets, so no two
 * pages are alike. The first page of each section also carries the guide's
 * eleven change-list labels, which the build fills from the changelog: real
 * docs have change lists on one or two pages per docs set.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveConfig, type UserConfig } from '../src/config/define.ts';
import type { LoadedConfig } from '../src/config/load.ts';

export const REPO = path.resolve(import.meta.dirname, '..');
export const BASE = '/gloo-edge/';
export const PAGES_PER_SECTION = 50;

export interface CorpusOptions {
  pages: number;
  versions: number;
  seed?: number;
  /** Where to write; a new temporary folder when absent. */
  dir?: string;
}

export interface CorpusVersion {
  id: string;
  minor: string;
  /** URL base without trailing slash: `/gloo-edge/v1.18.x`. */
  base: string;
  /** Snippet values as the changelog gives them (`geoss_latest` → `1.18.9`). */
  values: Record<string, string>;
}

export interface CorpusPage {
  /** Relative to the project: `content/s01/p0001.md`. */
  file: string;
  /** `s01/p0001/`. */
  route: string;
  /** A guide-like page (false for the home and section index pages). */
  guide: boolean;
}

export interface CorpusInfo {
  dir: string;
  pages: number;
  versions: number;
  seed: number;
  /** Newest first, as the build lists them. */
  docsVersions: CorpusVersion[];
  files: CorpusPage[];
  changelogEntries: number;
  changelogReleases: number;
  userConfig: UserConfig;
}

export interface Corpus extends CorpusInfo {
  loaded: LoadedConfig;
}

/** A LoadedConfig for a corpus folder, built in code (no config file import). */
export function loadedConfig(info: Pick<CorpusInfo, 'dir' | 'userConfig'>): LoadedConfig {
  return { config: resolveConfig(info.userConfig), projectDir: info.dir };
}

// ---------------------------------------------------------------------------
// Seeded randomness

export interface Rng {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    // mulberry32
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
  };
}

// ---------------------------------------------------------------------------
// Vocabulary

const COMPONENTS = ['gateway', 'discovery', 'gloo', 'gateway-proxy', 'extauth', 'rate-limit', 'observability', 'redis', 'caching', 'gloo-fed', 'certgen', 'ingress'];
const RESOURCES = ['VirtualService', 'RouteTable', 'Upstream', 'Gateway', 'Settings', 'AuthConfig', 'RateLimitConfig', 'VirtualHostOption', 'RouteOption', 'HttpListenerOption', 'MatchableHttpGateway', 'GraphQLApi'];
const PLATFORMS = ['Kubernetes', 'OpenShift', 'EKS', 'GKE', 'AKS', 'kind', 'k3s', 'Rancher'];
const NOUNS = ['listener', 'filter chain', 'route', 'upstream', 'cluster', 'secret', 'webhook', 'probe', 'load balancer', 'namespace', 'service account', 'health check', 'certificate', 'proxy', 'deployment', 'config map'];
const ADJ = ['stable', 'default', 'custom', 'existing', 'updated', 'deprecated', 'optional', 'required', 'internal', 'external', 'regional', 'shared'];
const VERBS = ['review', 'verify', 'update', 'configure', 'check', 'apply', 'remove', 'enable', 'disable', 'restart', 'inspect', 'migrate'];
const TOPICS = ['Helm', 'Envoy', 'CRDs', 'glooctl', 'External Auth', 'Rate Limiting', 'Federation', 'Observability', 'Portal', 'GraphQL', 'Caching', 'WAF'];
const FLAGS = ['--set gatewayProxies.gatewayProxy.podTemplate.probes=true', '--set discovery.enabled=false', '--set settings.disableKubernetesDestinations=true', '--set gloo.deployment.replicas=2', '--set global.glooRbac.namespaced=true', '--set gatewayProxies.gatewayProxy.kind.deployment.replicas=3'];

const SENTENCES = [
  'Before you {verb} the {adj} {noun}, make sure that the {comp} deployment is healthy.',
  'The {comp} component watches {res} resources and translates them into Envoy configuration.',
  'If you run Gloo Edge on {plat}, the {noun} might need a different setting.',
  'You can {verb} each {res} separately, which keeps the upgrade reversible.',
  'Most {adj} settings carry over, but some {noun} values change between minor versions.',
  'Keep a copy of your Helm values so that you can {verb} the release if something goes wrong.',
  'The {noun} of the {comp} pod is replaced during the rollout, so plan for a short interruption.',
  'On {plat}, the {adj} {noun} is created by the chart unless you disable it.',
  'Look for warnings in the {comp} logs after you {verb} the {res}.',
  'A {res} that references a removed field is rejected by the validation webhook.',
  'Consider testing the {adj} {noun} in a staging cluster before production.',
  'The {topic} settings are documented in the reference for each {res}.',
  'When the {noun} is ready, traffic moves to the new {comp} pods.',
  'This step is optional for {plat} clusters that do not use the {adj} {noun}.',
];

/** The word lists a `{slot}` in a template draws from. */
const SLOTS: Readonly<Record<string, readonly string[]>> = {
  verb: VERBS,
  adj: ADJ,
  noun: NOUNS,
  comp: COMPONENTS,
  res: RESOURCES,
  plat: PLATFORMS,
  topic: TOPICS,
};

function fill(r: Rng, template: string): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const words = SLOTS[k];
    return words ? r.pick(words) : k;
  });
}

function sentences(r: Rng, min: number, max: number): string {
  const n = r.int(min, max);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(fill(r, r.pick(SENTENCES)));
  return out.join(' ');
}

// ---------------------------------------------------------------------------
// Pages

/** The explicit heading ids every guide page has (link targets with anchors). */
export const PAGE_ANCHORS = ['prepare', 'review-changes', 'features', 'helm', 'crd', 'cli', 'glooctl', 'crds', 'upgrade'] as const;

const rf = (key: string) => `{{< readfile file="static/content/version_${key}.md" markdown="true">}}`;

/**
 * The guide's four change sections. A page that lists changes carries the eleven labels under which the
 * build fills the change lists from the changelog (as the real upgrade guide does); the other pages keep
 * the headings (link targets) with prose, as real docs have change lists on one or two pages per docs set.
 */
function changeSections(withChangeLists: boolean, para: (min?: number, max?: number) => string): string {
  if (!withChangeLists) {
    return [['Feature changes', 'features'], ['Helm changes', 'helm'], ['CRD changes', 'crd'], ['CLI changes', 'cli']]
      .map(([title, id]) => `### ${title} {#${id}}\n\n${para(1, 2)}`)
      .join('\n\n');
  }
  return `### Feature changes {#features}

**New or improved features**:


**Deprecated features**:


**Removed features**:


### Helm changes {#helm}

**New Helm fields**:


**Deprecated Helm fields**:


**Removed Helm fields**:


### CRD changes {#crd}

**New and updated CRDs**:


**Deprecated CRDs**:


**Removed CRDs**:


### CLI changes {#cli}

**New CLI commands or options**:


**Changed behavior**:`;
}

/**
 * The guide's skeleton with this page's text. `targets` are site paths of other pages; `withChangeLists`:
 * the page carries the eleven change-list labels (the first page of each section).
 */
export function guidePage(r: Rng, index: number, targets: readonly string[], withChangeLists = true): string {
  const comp = r.pick(COMPONENTS);
  const topic = r.pick(TOPICS);
  const res = r.pick(RESOURCES);
  const ns = r.pick(['gloo-system', 'gloo', 'edge', 'gateway-system', 'ingress']);
  const release = r.pick(['gloo', 'gloo-edge', 'edge', 'gateway']);
  const link = (form: '%' | '<') => {
    const target = r.pick(targets);
    const anchor = r.chance(0.4) ? `#${r.pick(PAGE_ANCHORS)}` : '';
    return form === '%'
      ? `{{% versioned_link_path fromRoot="${target}${anchor}" %}}`
      : `{{< versioned_link_path fromRoot="${target}${anchor}" >}}`;
  };
  const changelogLink = (product: 'open_source' | 'enterprise') => `{{% versioned_link_path fromRoot="/reference/changelog/${product}/" %}}`;
  const para = (min = 2, max = 4) => sentences(r, min, max);
  const containers = (key: string) =>
    ['discovery', 'gateway', 'gloo-envoy-wrapper', comp]
      .map((name) => `{"Tag":"${rf(key)}","Name":"${name}","Registry":"quay.io/solo-io"}`)
      .join(',');
  const checks = ['deployments', 'pods', 'upstreams', 'upstream groups', 'auth configs', 'rate limit configs', 'secrets', 'virtual services', 'gateways', 'proxies'];
  const checkOutput = (indent: string) =>
    checks
      .filter(() => r.chance(0.85))
      .map((c) => `${indent}Checking ${c}... OK`)
      .join('\n');
  // The guide's "check that your components are OK" step (it appears twice).
  const checkStep = (command: string) => `4. Check that your ${comp} components are **OK**. ${para(1, 2)}
   \`\`\`bash
   ${command}
   \`\`\`
   Example output:
   \`\`\`bash
${checkOutput('   ')}
   No problems detected.
   \`\`\``;

  return `---
title: Upgrade ${topic} ${index}
weight: ${index}
description: Steps for upgrading ${topic} in the ${comp} component (${index})
---

Upgrade your Gloo Edge Enterprise or Gloo Edge Open Source ${topic} installation to the latest version of ${rf('geoss_latest_minor')}. ${para(1, 2)}

{{% notice warning %}}
Use this guide to upgrade ${comp} in development or staging environments only. ${para(2, 3)} For more information, see the [${topic} guide](${link('%')}).
{{% /notice %}}

The upgrade process involves the following general steps:
- [Step 1: Prepare to upgrade](#prepare)
- [Step 2: Review version ${rf('geoss_latest_minor')} changes](#review-changes)
- [Step 3: Upgrade glooctl](#glooctl)
- [Step 4: Apply minor version-specific changes](#crds)
- [Step 5: Upgrade ${topic}](#upgrade)

## Step 1: Prepare to upgrade {#prepare}

${para()}

### Upgrade current ${comp} version

1. Before you upgrade your minor version, first upgrade your current version to the latest patch. For example, if you currently run Gloo Edge Enterprise version ${rf('gee_n-1_oldpatch')}, first upgrade your installation to version ${rf('gee_n-1')}. ${para(1, 2)}
   1. Find the latest patch of your minor version by checking the [Open Source changelog](${changelogLink('open_source')}) or [Enterprise changelog](${changelogLink('enterprise')}).
   2. Go to the documentation set for your current minor version. For example, if you currently run Gloo Edge Enterprise version ${rf('gee_n-1_oldpatch')}, use the drop-down menu in the header of this page to select **v${rf('geoss_n-1_minor')}.x**.
   3. ${para(1, 2)}
2. If you plan to upgrade to a version that is more than one minor version greater than your current version, such as to version ${rf('geoss_latest_minor')} from ${rf('geoss_n-2_minor')} or older, you must upgrade incrementally. For example, you must first use the upgrade guide in the v${rf('geoss_n-1_minor')}.x documentation set to upgrade from ${rf('geoss_n-2_minor')} to ${rf('geoss_n-1_minor')}, and then follow this guide to upgrade from ${rf('geoss_n-1_minor')} to ${rf('geoss_latest_minor')}.

### Upgrade ${r.pick(ADJ)} dependencies

Check that your ${r.pick(PLATFORMS)} platform and other dependencies run a version that is supported for ${rf('geoss_latest_minor')}.
1. Review the [supported versions](${link('%')}) for dependencies such as ${r.pick(PLATFORMS)}, Helm, and more.
2. ${para(1, 2)}
3. ${para(1, 2)}

### Consider settings to avoid downtime

${para(2, 5)}

* **${r.pick(PLATFORMS)}**: Enable [Envoy readiness and liveness probes](${link('<')}) during the upgrade. ${para(2, 3)}
* **Non-Kubernetes**: Configure [health checks](${link('<')}) on Envoy. ${para(1, 3)}

{{% notice tip %}}
Try a [Canary upgrade](${link('<')}) to make sure that the newer ${comp} version works as you expect before upgrading.
{{% /notice %}}

## Step 2: Review version ${rf('geoss_latest_minor')} changes {#review-changes}

Prepare to upgrade by reviewing changes made to ${topic} in version ${rf('geoss_latest_minor')}.

1. Check the changelogs for the type of Gloo Edge deployment that you have. Focus especially on any **Breaking Changes** that might require a different upgrade procedure. ${para(1, 2)}
   * [Open Source changelogs](${changelogLink('open_source')})
   * [Enterprise changelogs](${changelogLink('enterprise')}): Keep in mind that Gloo Edge Enterprise pulls in Gloo Edge Open Source as a dependency. For example, open source might use version \`x.y.a\` but enterprise uses version \`x.y.b\`. If you are unfamiliar with these versioning concepts, see [Semantic versioning](https://semver.org/). For example, your API server might run Gloo Edge Enterprise version ${rf('gee_latest')}, which pulls in Gloo Edge Open Source version ${rf('geoss_latest')} as a dependency.
     \`\`\`bash
     ~ > glooctl version
     Client: {"version":"${rf('geoss_latest')}"}
     Server: {"type":"Gateway","enterprise":true,"kubernetes":...,{"Tag":"${rf('gee_latest')}","Name":"grpcserver-ee","Registry":"quay.io/solo-io"},...,{"Tag":"${rf('geoss_latest')}","Name":"${comp}","Registry":"quay.io/solo-io"},...}
     \`\`\`
   {{% notice tip %}}You can use the changelogs' built-in [comparison tool](${link('<')}) to compare between your current ${comp} version and the version that you want to upgrade to.{{% /notice %}}

2. Review the following main feature, Helm, CRD, and CLI changes for version ${rf('geoss_latest_minor')}.

3. If you still aren't sure about the version upgrade impact, scan our [Frequently-asked questions](${link('%')}). ${para(1, 2)}

${changeSections(withChangeLists, para)}

## Step 3: Upgrade glooctl {#glooctl}

Install or upgrade \`glooctl\`. ${para(1, 3)} To find the OSS version that corresponds to each Gloo Edge Enterprise release, see the [Gloo Edge Enterprise changelogs](${changelogLink('enterprise')}).

{{% notice warning %}}
Because \`glooctl\` can create resources in your cluster, such as with commands like \`glooctl add route\`, you might have errors in ${comp} if you create resources with an older version of \`glooctl\`.
{{% /notice %}}

You can upgrade \`glooctl\` in the following ways:
* [Use \`glooctl upgrade\`](#glooctl-upgrade)
* [Download a \`glooctl\` release](#download-a-glooctl-release)

### glooctl upgrade

${para(2, 3)}

1. Review the client and server versions of \`glooctl\`.
   \`\`\`bash
   glooctl version
   \`\`\`
   Example output: ${para(1, 1)}
   \`\`\`bash
   Client: {"version":"${rf('geoss_n-1')}"}
   Server: {"type":"Gateway","kubernetes":{"containers":[${containers('geoss_n-1')}],"namespace":"${ns}"}}
   \`\`\`

2. Upgrade your version of \`glooctl\`.
   \`\`\`bash
   glooctl upgrade --release v${rf('geoss_latest')}
   \`\`\`
   Example output:
   \`\`\`bash
   downloading glooctl-${r.pick(['darwin-amd64', 'linux-amd64', 'darwin-arm64', 'linux-arm64'])} from release tag v${rf('geoss_latest')}
   successfully downloaded and installed glooctl version v${rf('geoss_latest')} to /usr/local/bin/glooctl
   \`\`\`

3. Confirm that the version is upgraded.
   \`\`\`bash
   glooctl version
   \`\`\`
   Example output: Notice that the client version is now ${rf('geoss_latest')}.
   \`\`\`bash
   Client: {"version":"${rf('geoss_latest')}"}
   Server: {"type":"Gateway","kubernetes":{"containers":[${containers('geoss_n-1')}],"namespace":"${ns}"}}
   \`\`\`

${checkStep(`glooctl check -n ${ns}`)}

### Download a glooctl release

1. In your browser, navigate to the [Gloo project releases](https://github.com/solo-io/gloo/releases).
2. ${para(1, 2)}
3. In the **Assets**, download the \`glooctl\` package that matches your operating system. ${para(1, 2)}

## Step 4: Apply minor version-specific changes {#crds}

${para(2, 3)}

{{% notice warning %}}
New CRDs are automatically applied to your cluster when performing a \`helm install\` operation. However, they are not applied when performing an \`helm upgrade\` operation. This is a [deliberate design choice](https://helm.sh/docs/topics/charts/#limitations-on-crds) on the part of the Helm maintainers. ${para(1, 2)}
{{% /notice %}}

1. Update the Gloo Edge Helm repositories.
   \`\`\`sh
   helm repo update
   \`\`\`
2. Check the [CRD changes](#crd) to see which CRDs are new, deprecated, or removed in version ${rf('geoss_latest_minor')}.
   1. Delete any removed CRDs, such as the \`${res}\` CRD if it is listed. <!--If applicable, add commands to kubectl delete the removed CRDs-->
   2. Apply the new and updated CRDs.
      {{< tabs >}}
{{% tab name="Open Source" %}}
\`\`\`sh
helm pull gloo/gloo --version ${rf('geoss_latest')} --untar
kubectl apply -f gloo/crds
\`\`\`
{{% /tab %}}
{{% tab name="Enterprise" %}}
\`\`\`sh
helm pull glooe/gloo-ee --version ${rf('gee_latest')} --untar
kubectl apply -f gloo-ee/charts/gloo/crds
# If ${topic} is enabled
kubectl apply -f gloo-ee/charts/${comp}/crds
\`\`\`
{{% /tab %}}
      {{< /tabs >}}
   1. Verify that the deployed CRDs use the version that you want to upgrade to.
      \`\`\`
      glooctl check-crds
      \`\`\`

1. Check the [Feature changes](#features) to see whether there are breaking changes you must address in your \`${res}\` resources before you upgrade to ${rf('geoss_latest_minor')}. <!--If applicable, add steps to walk users though updating crs for any breaking changes-->

2. Check the [Helm changes](#helm) to see whether there are new, deprecated, or removed Helm settings before you upgrade to ${rf('geoss_latest_minor')}.
   1. Get the Helm values file for your current installation.
      {{< tabs >}}
{{% tab name="Open Source" %}}
\`\`\`sh
helm get values -n ${ns} ${release} gloo/gloo > values.yaml
open values.yaml
\`\`\`
{{% /tab %}}
{{% tab name="Enterprise" %}}
\`\`\`sh
helm get values -n ${ns} ${release} glooe/gloo-ee > values.yaml
open values.yaml
\`\`\`
{{% /tab %}}
      {{< /tabs >}}
   1. ${para(1, 2)}

## Step 5: Upgrade ${topic} {#upgrade}

${para(1, 3)}

{{% notice warning %}}
Using Helm 2 is not supported in Gloo Edge.
{{% /notice %}}

{{% notice note %}}
The upgrade creates a Kubernetes Job named \`${comp}-certgen\` to generate a certificate for the validation webhook. ${para(2, 4)}
{{% /notice %}}

### Upgrade steps

The following steps assume that you already installed Gloo Edge as a Helm release in the \`${ns}\` namespace. ${para(1, 2)}

1. Upgrade the Helm release. Include your installation values in a Helm values file (such as \`-f values.yaml\`) or in \`--set\` flags.
   {{< tabs >}}
   {{% tab name="Open Source" %}}
   \`\`\`shell script
   helm upgrade -n ${ns} ${release} gloo/gloo --version=v${rf('geoss_latest')} \\
   -f values.yaml
   \`\`\`
   {{% /tab %}}
   {{% tab name="Enterprise" %}}
   Note that you must set your license key by using the \`--set license_key=$license\` flag. ${para(1, 2)}
   \`\`\`shell script
   helm upgrade -n ${ns} ${release} glooe/gloo-ee \\
   --version=v${rf('gee_latest')} \\
   -f values.yaml \\
   ${r.pick(FLAGS)} \\
   --set license_key=$license
   \`\`\`
   {{% /tab %}}
   {{< /tabs >}}

2. Verify that ${comp} runs the upgraded version.
   \`\`\`shell script
   kubectl -n ${ns} get pod -l gloo=${comp} -ojsonpath='{.items[0].spec.containers[0].image}'
   \`\`\`

   Example output:
   \`\`\`
   quay.io/solo-io/${comp}:${rf('geoss_latest')}
   \`\`\`

3. Verify that all server components run the upgraded version.
   \`\`\`shell script
   glooctl version
   \`\`\`

${checkStep('glooctl check')}

5. Now that your upgrade is complete, you can enable any [new features](#features) that you want to use. ${para(1, 2)}
`;
}

function indexPage(title: string, weight: number, r: Rng): string {
  return `---
title: ${title}
weight: ${weight}
---

${sentences(r, 2, 4)}
`;
}

// ---------------------------------------------------------------------------
// Changelog

interface Line {
  minor: string;
  /** Stable open source patches 0..ossPatches-1 (plus a beta1 prerelease). */
  ossPatches: number;
  /** Stable enterprise patches 0..eePatches-1. */
  eePatches: number;
}

/** V docs versions need V + 2 lines (`geoss_n-2_minor` of the oldest). Newest last. */
export function changelogLines(pages: number, versions: number): Line[] {
  const count = versions + 2;
  const ossPatches = Math.max(3, Math.round(pages / 25));
  const eePatches = Math.max(2, Math.round(ossPatches * 0.6));
  const first = 20 - count;
  return Array.from({ length: count }, (_, i) => ({ minor: `1.${first + i}`, ossPatches, eePatches }));
}

/** The values the changelog gives the docs version of `lines[i]` (what the build derives). */
export function expectedValues(lines: readonly Line[], i: number): Record<string, string> {
  const cur = lines[i]!;
  const prev = lines[i - 1];
  const prev2 = lines[i - 2];
  const next = lines[i + 1];
  const v: Record<string, string> = {};
  v.geoss_latest = `${cur.minor}.${cur.ossPatches - 1}`;
  v.geoss_latest_minor = cur.minor;
  if (prev) {
    v['geoss_n-1'] = `${prev.minor}.${prev.ossPatches - 1}`;
    v['geoss_n-1_minor'] = prev.minor;
    v['gee_n-1'] = `${prev.minor}.${prev.eePatches - 1}`;
    v['gee_n-1_oldpatch'] = `${prev.minor}.${prev.eePatches - 2}`;
  }
  if (prev2) v['geoss_n-2_minor'] = prev2.minor;
  v['geoss_n+1'] = next ? `${next.minor}.${next.ossPatches - 1}` : v.geoss_latest;
  v.gee_latest = `${cur.minor}.${cur.eePatches - 1}`;
  v['gee_n+1'] = next ? `${next.minor}.${next.eePatches - 1}` : v.gee_latest;
  return v;
}

const GUIDE_PLACES: readonly (readonly [string, string])[] = [
  ['features', 'new'],
  ['features', 'deprecated'],
  ['features', 'removed'],
  ['helm', 'new'],
  ['helm', 'deprecated'],
  ['helm', 'removed'],
  ['crd', 'new'],
  ['crd', 'deprecated'],
  ['crd', 'removed'],
  ['cli', 'new'],
  ['cli', 'changed'],
];

function entryYaml(r: Rng, repo: string, issue: number): string {
  const type = r.pick(['NEW_FEATURE', 'NEW_FEATURE', 'FIX', 'FIX', 'FIX', 'HELM', 'BREAKING_CHANGE', 'UPGRADE', 'NON_USER_FACING', 'DEPENDENCY_BUMP']);
  if (type === 'NON_USER_FACING') return `  - type: NON_USER_FACING\n    description: >-\n      ${fill(r, 'Refactor the {comp} translator tests.')}\n`;
  if (type === 'DEPENDENCY_BUMP') {
    return `  - type: DEPENDENCY_BUMP\n    dependencyOwner: solo-io\n    dependencyRepo: ${r.pick(['envoy-gloo', 'solo-kit', 'go-utils', 'skv2'])}\n    dependencyTag: v1.${r.int(10, 40)}.${r.int(0, 20)}\n`;
  }
  const field = `${r.pick(['spec', 'options', 'settings', 'gatewayProxies.gatewayProxy'])}.${r.pick(['retries', 'timeout', 'headerManipulation', 'healthChecks', 'tls', 'buffer', 'cors', 'jwt'])}`;
  const description = `${fill(r, r.pick(SENTENCES))} The \`${field}\` field of the \`${r.pick(RESOURCES)}\` resource is affected.`;
  let yaml = `  - type: ${type}\n    issueLink: https://github.com/solo-io/${repo}/issues/${issue}\n    description: >-\n      ${description}\n`;
  if ((type === 'NEW_FEATURE' || type === 'BREAKING_CHANGE') && r.chance(0.5)) {
    const [section, change] = r.pick(GUIDE_PLACES);
    yaml += `    upgradeGuide:\n      section: ${section}\n      change: ${change}\n`;
  }
  return yaml;
}

function writeChangelog(dir: string, lines: readonly Line[], r: Rng): { releases: number; entries: number } {
  let releases = 0;
  let entries = 0;
  let issue = 4000;
  const release = (product: string, version: string, files: Record<string, string>) => {
    const folder = path.join(dir, 'changelog', product, `v${version}`);
    mkdirSync(folder, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
    releases++;
  };
  const entriesFor = (repo: string, min: number, max: number) => {
    let yaml = '';
    const n = r.int(min, max);
    for (let k = 0; k < n; k++) yaml += entryYaml(r, repo, issue++);
    entries += n;
    return yaml;
  };
  for (const line of lines) {
    release('open_source', `${line.minor}.0-beta1`, { 'changes.yaml': `changelog:\n${entriesFor('gloo', 1, 3)}` });
    for (let p = 0; p < line.ossPatches; p++) {
      const files: Record<string, string> = { 'changes.yaml': `changelog:\n${entriesFor('gloo', 1, 4)}` };
      if (r.chance(0.5)) files['more.yaml'] = `changelog:\n${entriesFor('gloo', 1, 2)}`;
      release('open_source', `${line.minor}.${p}`, files);
    }
    for (let p = 0; p < line.eePatches; p++) {
      const oss = Math.min(line.ossPatches - 1, Math.round(((p + 1) * line.ossPatches) / line.eePatches) - 1);
      const bump = `  - type: DEPENDENCY_BUMP\n    dependencyOwner: solo-io\n    dependencyRepo: gloo\n    dependencyTag: v${line.minor}.${Math.max(0, oss)}\n`;
      entries++;
      release('enterprise', `${line.minor}.${p}`, { 'bump-gloo.yaml': `changelog:\n${bump}${entriesFor('solo-projects', 1, 4)}` });
    }
  }
  return { releases, entries };
}

// ---------------------------------------------------------------------------
// The corpus

export function generateCorpus(options: CorpusOptions): Corpus {
  const { pages, versions } = options;
  if (!Number.isInteger(pages) || pages < 1) throw new Error(`pages must be a positive integer, got ${pages}`);
  if (!Number.isInteger(versions) || versions < 1 || versions > 10) throw new Error(`versions must be 1..10, got ${versions}`);
  const seed = options.seed ?? 1;
  const dir = options.dir ?? mkdtempSync(path.join(tmpdir(), `bench-corpus-${pages}x${versions}-`));
  const r = rng(seed * 7919 + pages * 31 + versions);

  // Pages: sections of PAGES_PER_SECTION.
  const sections = Math.ceil(pages / PAGES_PER_SECTION);
  const files: CorpusPage[] = [{ file: 'content/_index.md', route: '', guide: false }];
  const guideRoutes: string[] = [];
  for (let s = 1; s <= sections; s++) {
    const sec = `s${String(s).padStart(2, '0')}`;
    files.push({ file: `content/${sec}/_index.md`, route: `${sec}/`, guide: false });
    for (let p = (s - 1) * PAGES_PER_SECTION + 1; p <= Math.min(pages, s * PAGES_PER_SECTION); p++) {
      const name = `p${String(p).padStart(4, '0')}`;
      files.push({ file: `content/${sec}/${name}.md`, route: `${sec}/${name}/`, guide: true });
      guideRoutes.push(`/${sec}/${name}/`);
    }
  }
  for (const f of files) mkdirSync(path.join(dir, path.dirname(f.file)), { recursive: true });
  let g = 0;
  for (const f of files) {
    let text: string;
    if (f.route === '') text = indexPage('Home', 0, r);
    else if (!f.guide) text = indexPage(`Section ${f.route.slice(1, 3)}`, Number(f.route.slice(1, 3)), r);
    else {
      g++;
      const others = guideRoutes.length > 1 ? guideRoutes.filter((x) => x !== `/${f.route}`) : guideRoutes;
      // A handful of link targets per page: near neighbours and random ones.
      const targets = Array.from({ length: 6 }, () => r.pick(others));
      text = guidePage(r, g, targets, g % PAGES_PER_SECTION === 1);
    }
    writeFileSync(path.join(dir, f.file), text);
  }

  const lines = changelogLines(pages, versions);
  const written = writeChangelog(dir, lines, r);
  const docsVersions: CorpusVersion[] = [];
  for (let i = lines.length - 1; i >= lines.length - versions; i--) {
    const minor = lines[i]!.minor;
    const id = `v${minor}.x`;
    docsVersions.push({ id, minor, base: `${BASE}${id}`, values: expectedValues(lines, i) });
  }

  const userConfig: UserConfig = {
    base: BASE,
    product: 'Gloo Edge',
    content: 'content',
    changelog: { open_source: ['changelog/open_source'], enterprise: ['changelog/enterprise'] },
    // one curated changelog of every line: its newest line is the newest there is
    versions: { newest: versions, newestLineKnown: true },
    knownExternal: [],
    outDir: 'dist',
    // The oldest docs version's guide names the line before it, which the site does not carry.
    archivedDocs: 'https://docs.example.com/archive/gloo-edge/{version}/',
  };
  const defineUrl = path.join(REPO, 'src/config/define.ts');
  writeFileSync(
    path.join(dir, 'docs.config.ts'),
    `// Benchmark corpus: ${pages} pages x ${versions} docs versions, seed ${seed}.\nimport { defineConfig } from ${JSON.stringify(defineUrl)};\n\nexport default defineConfig(${JSON.stringify(userConfig, null, 2)});\n`,
  );
  const info: CorpusInfo = {
    dir,
    pages,
    versions,
    seed,
    docsVersions,
    files,
    changelogEntries: written.entries,
    changelogReleases: written.releases,
    userConfig,
  };
  writeFileSync(path.join(dir, 'corpus.json'), `${JSON.stringify(info, null, 2)}\n`);
  return { ...info, loaded: loadedConfig(info) };
}

// ---------------------------------------------------------------------------
// Shortcodes pre-expanded by string replacement, for the bare unified run

const READFILE = /\{\{<\s*readfile\s+file="static\/content\/version_([^"]+)\.md"[^>]*>\}\}/g;
const LINK = /\{\{([<%])\s*versioned_link_path\s+fromRoot="([^"]*)"\s*[>%]\}\}/g;
const NOTICE_OPEN = /\{\{%\s*notice\s+(\w+)\s*%\}\}(\n?)/g;
const NOTICE_CLOSE = /(\n?)\{\{%\s*\/notice\s*%\}\}/g;
const TABS_OPEN = /\{\{<\s*tabs\s*>\}\}/g;
const TABS_CLOSE = /\{\{<\s*\/tabs\s*>\}\}/g;
const TAB_OPEN = /\{\{%\s*tab\s+name="([^"]*)"\s*%\}\}/g;
const TAB_CLOSE = /\{\{%\s*\/tab\s*%\}\}/g;
const FRONT_MATTER = /^---\n[\s\S]*?\n---\n/;

/**
 * A page's Markdown for one version with every shortcode replaced by plain
 * text or raw HTML: what a bare Markdown pipeline would be handed.
 */
export function preExpand(raw: string, version: Pick<CorpusVersion, 'base' | 'values'>): string {
  return raw
    .replace(FRONT_MATTER, '')
    .replace(READFILE, (_, key: string) => version.values[key] ?? '')
    .replace(LINK, (_, _form: string, fromRoot: string) => version.base + fromRoot)
    .replace(NOTICE_OPEN, (_, type: string, nl: string) => `<aside class="notice notice-${type}">${nl ? '\n\n' : ''}`)
    .replace(NOTICE_CLOSE, (_, nl: string) => `${nl ? '\n\n' : ''}</aside>`)
    .replace(TABS_OPEN, '<div class="tabs">\n')
    .replace(TABS_CLOSE, '</div>')
    .replace(TAB_OPEN, (_, name: string) => `<section class="tab-panel" data-tab-name="${name}">\n`)
    .replace(TAB_CLOSE, '</section>\n');
}
