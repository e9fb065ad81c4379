/**
 * The sandbox frame's document: an `<iframe sandbox="allow-scripts" srcdoc>` without
 * `allow-same-origin`, so it and the workers it starts run in an opaque origin (no storage, cookies,
 * locks, or channel to other tabs; the site's files are another origin), under a policy of its own that
 * allows nothing but its one script and blob: workers and modules. This file is plain text on purpose:
 * `scripts/csp.ts` hashes {@link FRAME_SCRIPT} into the site's policy (a srcdoc frame is under its
 * parent's policy too), and the frame's own policy names the same hash.
 */

/**
 * The frame's script. It starts workers from the code the page hands it once (`{ type: 'code' }`),
 * gives each the page's end of a channel (`{ type: 'spawn', id }` with a port), terminates one on
 * `{ type: 'kill', id }`, and tells the page when one died (`{ type: 'exit', id, message }`). It
 * listens only to its parent.
 */
export const FRAME_SCRIPT = `"use strict";
(() => {
  const page = parent;
  const workers = new Map();
  let url = null;
  const exit = (id, message) => page.postMessage({ type: "exit", id, message: String(message).slice(0, 500) }, "*");
  addEventListener("message", (event) => {
    if (event.source !== page) return;
    const m = event.data;
    if (m === null || typeof m !== "object") return;
    if (m.type === "code" && url === null && typeof m.code === "string") {
      url = URL.createObjectURL(new Blob([m.code], { type: "text/javascript" }));
    } else if (m.type === "spawn" && url !== null && event.ports.length === 1) {
      const id = m.id;
      let worker;
      try {
        worker = new Worker(url, { name: "sandbox" });
      } catch (error) {
        exit(id, error && error.message);
        return;
      }
      workers.set(id, worker);
      worker.onerror = (e) => {
        e.preventDefault();
        worker.terminate();
        workers.delete(id);
        exit(id, e.message || "the sandbox worker stopped");
      };
      worker.postMessage(null, [event.ports[0]]);
    } else if (m.type === "kill") {
      const worker = workers.get(m.id);
      if (worker) worker.terminate();
      workers.delete(m.id);
    }
  });
  page.postMessage({ type: "frame-ready" }, "*");
})();
`

/** The frame's own Content-Security-Policy, given its script's hash (`'sha256-…'`). */
export function framePolicy(scriptHash: string): string {
  return [
    "default-src 'none'",
    `script-src ${scriptHash} blob:`,
    'worker-src blob:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ')
}

/** The frame's `srcdoc`. */
export function frameDocument(scriptHash: string): string {
  return `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${framePolicy(scriptHash)}"><script>${FRAME_SCRIPT}</script>`
}
