import { linkPathOf, type ShareState } from '../../store/share.ts'

/** What a loaded example gives its header's link: the playground path of its current state. */
export type PlaygroundLinkSource = { current: (() => string) | null }

/**
 * The app path (with its `#run=` part) that opens a live example in the playground: the example's
 * world, its timeline as the reader left it, and the code in the editor as the reader left it. The
 * playground never runs a link's code by itself: the reader presses Run. Throws ShareLinkError when
 * the code is too long for a link.
 */
export function playgroundPath(state: ShareState): string {
  return linkPathOf(state)
}
