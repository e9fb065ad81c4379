import { createElement, Suspense, useEffect, useState } from 'react'
import { SiteHeader } from '../ui/site/SiteHeader.tsx'
import { NotFound } from '../ui/site/NotFound.tsx'
import { scrollToAnchor } from './layout/DocLink.tsx'
import { mdxComponents } from './layout/mdxComponents.tsx'
import { OnThisPage } from './layout/OnThisPage.tsx'
import { PageSource } from './layout/PageSource.tsx'
import { PrevNext } from './layout/PrevNext.tsx'
import { Sidebar } from './layout/Sidebar.tsx'
import { docPageAt, type DocPageInfo } from './pageList.ts'
import { contentOf } from './pages.ts'
import './docs.css'

/** The page's name in the window title: backends say what they are. */
function documentTitle(page: DocPageInfo): string {
  return page.section === 'Backends' ? `${page.title} backend` : page.title
}

/** After the page's content has rendered: go to the address's #anchor, if any. */
function ArrivedAt({ page }: { page: DocPageInfo }) {
  useEffect(() => {
    if (window.location.hash) scrollToAnchor(window.location.hash.slice(1))
  }, [page])
  return null
}

/** `/docs` and `/docs/…`: the sidebar, the page's MDX, previous / next. */
export default function DocsPage({ path }: { path: string }) {
  const page = docPageAt(path)
  // The phone menu is open for one page: navigating (even by its own links) closes it.
  const [menuFor, setMenuFor] = useState<string | null>(null)
  const menuOpen = menuFor === path
  const [article, setArticle] = useState<HTMLElement | null>(null)
  useEffect(() => {
    if (page) document.title = `${documentTitle(page)} · Docs · Fanout`
  }, [page])
  if (!page) return <NotFound />
  return (
    <>
      <SiteHeader current="docs" />
      <div className="docs">
        <button
          type="button"
          className="docs-menu-button button"
          aria-expanded={menuOpen}
          aria-controls="docs-sidebar"
          onClick={() => setMenuFor(menuOpen ? null : path)}
        >
          {menuOpen ? 'Close menu' : 'Menu'}
          <span className="docs-menu-button__where">{page.title}</span>
        </button>
        <Sidebar current={page} open={menuOpen} />
        <main className="docs-main" id="main">
          <article className="docs-article" ref={setArticle}>
            <p className="docs-article__section">{page.section}</p>
            <h1>
              {page.section === 'Backends' ? (
                <>
                  The <code>{page.title}</code> backend
                </>
              ) : (
                page.title
              )}
            </h1>
            <Suspense
              fallback={
                <p className="loading" role="status">
                  Loading the page…
                </p>
              }
            >
              {createElement(contentOf(page), { components: mdxComponents })}
              <ArrivedAt page={page} />
            </Suspense>
          </article>
          <PageSource page={page} />
          <PrevNext page={page} />
        </main>
        <OnThisPage article={article} version={page.path} entries={page.entries === true} />
      </div>
    </>
  )
}
