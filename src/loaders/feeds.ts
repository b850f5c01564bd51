/** What the Atom feed pages share: the response. */
import { atomFeed, ATOM_MEDIA_TYPE, type AtomFeed } from '../lib/publish/atom.ts';

export function atomResponse(feed: AtomFeed): Response {
  return new Response(atomFeed(feed), { headers: { 'Content-Type': `${ATOM_MEDIA_TYPE}; charset=utf-8` } });
}
