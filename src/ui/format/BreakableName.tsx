import { Fragment } from 'react'

/**
 * Text whose long event names (GUILD_MEMBER_LIST_UPDATE) may wrap after one of their underscores, and
 * topic keys (guild:20971520) after their colon, not in the middle of a word, in a column too narrow
 * for them (the event log on a phone). Browsers read a `<wbr>` as a space in the
 * accessible name, so assistive technology gets the text whole instead.
 */
export function BreakableName({ text }: { text: string }) {
  const parts = text.split(/(?<=[A-Z]_)(?=[A-Z])|(?<=[a-z_]:)(?=\d)/)
  if (parts.length === 1) return text
  return (
    <>
      <span aria-hidden="true">
        {parts.map((part, i) => (
          <Fragment key={i}>
            {part}
            {i < parts.length - 1 && <wbr />}
          </Fragment>
        ))}
      </span>
      <span className="visually-hidden">{text}</span>
    </>
  )
}
