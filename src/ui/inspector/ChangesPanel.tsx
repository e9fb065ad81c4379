import { useMemo } from 'react'
import { usernameOf, type GraphModel } from '../../store/graphModel.ts'
import { useActions, useBaseline, useModel, useTimeline } from '../../store/hooks.ts'
import { diffSubscriptions, type Subscription } from '../../store/subscriptionDiff.ts'
import { count } from '../../store/plural.ts'
import { sessionLabel } from '../format/sessionLabel.ts'
import { VirtualList } from '../format/VirtualList.tsx'
import './ChangesPanel.css'

/** One line of the list; its words are written only when it is drawn. */
type Change =
  | { kind: 'added' | 'removed'; subscription: Subscription }
  | { kind: 'added' | 'removed'; sessionId: string }

function changeText(change: Change, now: GraphModel, then: GraphModel): string {
  const sign = change.kind === 'added' ? '+' : '−'
  return 'subscription' in change
    ? `${sign} ${subscriptionText(change.subscription, now, then)}`
    : `${sign} session ${sessionName(change.sessionId, now, then)}`
}

/** Names a subscription for people: `#general ← alice #1` (a user, for friend topics). */
function subscriptionText(s: Subscription, now: GraphModel, then: GraphModel): string {
  const topic =
    now.topics.find((t) => t.id === s.topicId) ?? then.topics.find((t) => t.id === s.topicId)
  const who = s.topicId.startsWith('friend:')
    ? usernameOf(now, s.subscriber)
    : sessionName(s.subscriber, now, then)
  return `${topic?.label ?? s.topicId} ← ${who}`
}

/** A session's label from whichever step knows it (stepping back, the marked step may know more). */
function sessionName(id: string, now: GraphModel, then: GraphModel): string {
  return sessionLabel(now.directory.has(id) ? now : then, id)
}

/**
 * Compares the step at the cursor with a marked one: subscriptions and open sessions there now and not
 * then (+), or then and not now (−), whichever way in time the cursor moved. The graph shows the same changes (new edges highlighted, dropped ones as ghosts); this is
 * their complete list, in words.
 */
export function ChangesPanel() {
  const baseline = useBaseline()
  const model = useModel()
  const { cursor } = useTimeline()
  const { compareFromHere, stopComparing } = useActions()
  const diff = useMemo(
    () => (baseline ? diffSubscriptions(baseline.model, model) : null),
    [baseline, model],
  )
  const items = useMemo((): Change[] => {
    if (!diff) return []
    return [
      ...diff.added.map((subscription) => ({ kind: 'added' as const, subscription })),
      ...diff.removed.map((subscription) => ({ kind: 'removed' as const, subscription })),
      ...diff.opened.map((sessionId) => ({ kind: 'added' as const, sessionId })),
      ...diff.closed.map((sessionId) => ({ kind: 'removed' as const, sessionId })),
    ]
  }, [diff])

  return (
    <section className="panel changes" aria-labelledby="changes-title">
      <header className="panel__header">
        <h2 id="changes-title">Changes</h2>
        {baseline ? (
          <button
            type="button"
            className="button button--small changes__toggle"
            onClick={stopComparing}
          >
            Stop comparing
          </button>
        ) : (
          <button
            type="button"
            className="button button--small changes__toggle"
            onClick={compareFromHere}
          >
            Mark step {cursor}
          </button>
        )}
      </header>
      {!baseline ? (
        <p className="panel__empty">
          Mark this step (step {cursor}), then move through time: subscriptions made since light up,
          dropped ones turn to ghosts.
        </p>
      ) : cursor === baseline.step ? (
        <p className="panel__empty">
          Comparing with step {baseline.step}, this one. Step forward or back to see what changes.
        </p>
      ) : items.length === 0 ? (
        <p className="panel__empty">
          Step {cursor} has the same subscriptions and open sessions as step {baseline.step}.
        </p>
      ) : (
        <>
          <p className="changes__summary">
            Step {cursor} against step {baseline.step}: subscriptions +
            {count(diff?.added.length ?? 0)} −{count(diff?.removed.length ?? 0)}, open sessions +
            {count(diff?.opened.length ?? 0)} −{count(diff?.closed.length ?? 0)}
          </p>
          <VirtualList
            items={items}
            label={`Changes against step ${baseline.step}`}
            estimateSize={18}
            gap={2}
            getKey={(_, i) => i}
            className="changes__scroll"
            renderItem={(item) => (
              <span className={`changes__item changes__item--${item.kind}`}>
                {changeText(item, model, baseline.model)}
              </span>
            )}
          />
        </>
      )}
    </section>
  )
}
