/** Site-wide facts for the layout, and the URL helper bound to the base this build uses. */
import { withBase } from '../lib/urls.ts';

export { SITE_NAME } from '../lib/site-name.ts';

/** A path relative to the site root, with the configured base in front. */
export function url(path = ''): string {
  return withBase(import.meta.env.BASE_URL, path);
}
