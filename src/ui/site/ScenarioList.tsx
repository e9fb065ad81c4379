import { scenarios } from '../../scenarios/listed.ts'
import { Link } from './Link.tsx'

/** Every scenario as a card (its title links to it, its summary under it), under `heading`. */
export function ScenarioList({ heading }: { heading: string }) {
  return (
    <section className="home__scenarios" aria-labelledby="scenarios-title">
      <h2 id="scenarios-title">{heading}</h2>
      <ul>
        {scenarios.map((s) => (
          <li key={s.id}>
            <Link to={`/play/${s.id}`}>{s.title}</Link>
            <span>{s.summary}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
