/**
 * A request's target (`req.url`) as a URL, read as the `/path?query` a client sends a server. It is
 * never parsed as a URL of its own, whose first `//` would start a host: `//x:99999/gateway` is the
 * path `//x:99999/gateway` here, where `new URL(req.url, origin)` threw (an invalid port), and thrown
 * in the `upgrade` handler that ended the server. A browser page on any site can open a WebSocket to
 * such a path on 127.0.0.1. Undefined when the target does not start with `/` (`*`, an absolute URL).
 */
export function requestTarget(target: string | undefined): URL | undefined {
  if (target === undefined || !target.startsWith('/')) return undefined
  try {
    return new URL(`http://local${target}`)
  } catch {
    return undefined
  }
}
