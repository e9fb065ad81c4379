/**
 * Opening the site's search from anywhere (the header's button) without the header knowing what the
 * search is: the search dialog (src/docs/search) listens for this event, and for the `/` key.
 */
export const OPEN_SEARCH_EVENT = 'fanout:open-search'

export function openSearch(): void {
  window.dispatchEvent(new Event(OPEN_SEARCH_EVENT))
}
