/** Hand-made site data for tests. */
import type { RenderedPage } from '../../src/model/site-data.ts';

/** An empty rendered page at `route` (titled by its route), with the given fields. */
export function renderedPage(route: string, fields: Partial<RenderedPage> = {}): RenderedPage {
  return { route, sourceFile: '', title: route, description: '', weight: 0, html: '', headings: [], links: [], ...fields };
}
