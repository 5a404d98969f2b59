// The Astro site of the versioned docs. Pages come from SiteData (see
// src/site/data.ts); Astro renders no Markdown of its own.
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { siteDataReload } from './src/integration/dev-reload.ts';
import { mermaidVendor } from './src/integration/mermaid-vendor.ts';
import { assetsDir, copiedPages, inSitemap, redirects, siteBase, siteUrl } from './src/integration/site-config.ts';

const base = siteBase();
const assets = assetsDir(base);
const redirectSources = Object.keys(redirects(base)).map((from) => `${siteUrl()}${from.endsWith('/') ? from : `${from}/`}`);

export default defineConfig({
  site: siteUrl(),
  output: 'static',
  trailingSlash: 'always',
  // Four pages rendered at a time overlap one page's file writing with the next one's rendering (~10% faster
  // in the Astro phase at 250 x 4); the output is the same bytes (the sitemap sorts its URLs).
  build: { format: 'directory', assets, inlineStylesheets: 'never', concurrency: 4 },
  redirects: redirects(base),
  devToolbar: { enabled: false },
  prefetch: false,
  vite: { plugins: [siteDataReload()] },
  integrations: [
    mermaidVendor(assets),
    sitemap({
      customPages: copiedPages(),
      filter: (page) => !redirectSources.includes(page) && !page.endsWith('/404/') && inSitemap(base, page),
    }),
  ],
});
