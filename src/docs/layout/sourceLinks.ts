/**
 * Where a docs page's source lives, from the one build setting `SOURCE_URL`: the repository's tree at
 * the branch the site was built from (`https://github.com/<owner>/<repo>/tree/<branch>`; the GitHub
 * Pages workflow sets it). Without it the pages show no source links.
 */
export interface SourceLinks {
  /** The repository, at that branch. */
  readonly repository: string
  /** The page's MDX file, opened for editing. */
  readonly edit: string
}

/** The links for the MDX file `file` (under `src/docs/content/`), or null when `sourceUrl` is unset. */
export function sourceLinks(sourceUrl: string, file: string): SourceLinks | null {
  const m = /^(https:\/\/[^/\s]+\/[^/\s]+\/[^/\s]+)\/tree\/([^\s]+?)\/?$/.exec(sourceUrl.trim())
  if (!m) return null
  const [, repo, branch] = m
  return {
    repository: `${repo}/tree/${branch}`,
    edit: `${repo}/edit/${branch}/src/docs/content/${file}.mdx`,
  }
}
