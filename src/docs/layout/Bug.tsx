/**
 * The label and anchor of one of litecord's numbered bugs on Differences from litecord (`#bug-8`): other
 * pages link to it, the search finds it, and the docs checks count them.
 */
export function Bug({ n }: { n: string }) {
  return (
    <span id={`bug-${n}`} className="bug-label">
      Bug {n}
    </span>
  )
}
