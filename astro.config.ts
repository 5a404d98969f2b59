// The Astro settings every versioned-docs site shares. What depends on the site
// (its data, base, origin, redirects, sitemap) comes from the versionedDocs()
// integration that buildSite and `npm run dev` add (src/integration/integration.ts);
// Astro renders no Markdown of its own.
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  // Four pages rendered at a time overlap one page's file writing with the next one's rendering (~10% faster
  // in the Astro phase at 250 x 4); the output is the same bytes (the sitemap sorts its URLs).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  devToolbar: { enabled: false },
  prefetch: false,
});
