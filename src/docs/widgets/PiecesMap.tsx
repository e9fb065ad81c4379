import { DocLink } from '../layout/DocLink.tsx'
import './widgets.css'

const BACKENDS = [
  ['guild', '/docs/backends/guild', 'guild id → sessions'],
  ['channel', '/docs/backends/channel', 'channel id → sessions'],
  ['member', '/docs/backends/member', 'one member’s sessions'],
  ['user', '/docs/backends/user', 'all of a user’s sessions'],
  ['friend', '/docs/backends/friend', 'user → friends’ sessions'],
  ['lazy_guild', '/docs/backends/lazy-guild', 'member-list windows'],
] as const

/**
 * The pieces of the gateway's pub/sub layer, top to bottom in the order an event meets them, each a link
 * to its page. Plain HTML and CSS (no graph library): it is on the first page a reader opens.
 */
export function PiecesMap() {
  return (
    <figure className="pieces-map" aria-label="The pieces, in the order an event meets them">
      <div className="pieces-map__row">
        <DocLink href="/docs/events-and-frames" className="piece piece--event">
          <strong>An event</strong>
          <span>
            <code>MESSAGE_CREATE</code> + payload, from an action such as sending a message
          </span>
        </DocLink>
      </div>
      <div className="pieces-map__arrow" aria-hidden="true">
        ↓ <code>dispatch(backend, key, type, payload)</code>
      </div>
      <div className="pieces-map__row">
        <DocLink href="/docs/dispatcher" className="piece piece--dispatcher">
          <strong>EventDispatcher</strong>
          <span>validates the call and routes it by backend name</span>
        </DocLink>
      </div>
      <div className="pieces-map__arrow" aria-hidden="true">
        ↓ one of six
      </div>
      <div className="pieces-map__row pieces-map__row--backends">
        {BACKENDS.map(([name, href, what]) => (
          <DocLink key={name} href={href} className={`piece piece--backend backend-${name}`}>
            <strong>
              <code>{name}</code>
            </strong>
            <span>{what}</span>
          </DocLink>
        ))}
      </div>
      <div className="pieces-map__arrow">
        <span aria-hidden="true">↓</span> checks each subscriber:{' '}
        <DocLink href="/docs/sharding">shard</DocLink>,{' '}
        <DocLink href="/docs/intents">intents</DocLink>, permission
      </div>
      <div className="pieces-map__row pieces-map__row--two">
        <DocLink href="/docs/sessions" className="piece piece--state">
          <strong>StateManager</strong>
          <span>every open session, by id and by user</span>
        </DocLink>
        <DocLink href="/docs/sessions" className="piece piece--state">
          <strong>GatewayState</strong>
          <span>
            one session: shard, intents, <code>seq</code>, the frames it was sent
          </span>
        </DocLink>
      </div>
      <div className="pieces-map__arrow" aria-hidden="true">
        ↓ <code>{'{ op: 0, t, s, d }'}</code>
      </div>
      <div className="pieces-map__row">
        <DocLink href="/docs/resume" className="piece piece--socket">
          <strong>The socket</strong>
          <span>sent now, or kept in the resume buffer while disconnected</span>
        </DocLink>
      </div>
    </figure>
  )
}
