/** The English RSS feed, `/en/rss.xml`; see `../rss.xml.ts`. */
import type { APIContext } from 'astro';
import { feed } from '../rss.xml.ts';

export function GET(context: APIContext): Promise<Response> {
  return feed('en', context);
}
