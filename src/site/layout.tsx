/**
 * The page shell: landmarks (banner, navigation, search, main, contentinfo), a skip link, one h1
 * per page (supplied by the page), canonical URL and social meta from the page's summary.
 * No inline scripts or styles: the site works without JavaScript and under a strict CSP.
 */
import type { Child } from 'hono/jsx';
import type { SiteConfig } from './config.js';
import { SearchForm } from './search-form.js';

export interface LayoutProps {
  config: SiteConfig;
  title: string;
  description?: string;
  /** Path of the canonical URL, e.g. "/conditions/asthma". */
  path: string;
  /** Extra elements for <head> (JSON-LD). */
  head?: Child;
  /** The home page has its own large search box, so it drops the one in the header. */
  headerSearch?: boolean;
  /** Pages that must not be indexed (errors, search results) say so. */
  noindex?: boolean;
  /** Open Graph type: "article" for answers, "website" elsewhere. */
  ogType?: 'website' | 'article';
  /** External scripts (progressive enhancement only; every page reads fine without them). */
  scripts?: string[];
  children?: Child;
}

export function Layout({
  config,
  title,
  description,
  path,
  head,
  headerSearch = true,
  noindex = false,
  ogType = 'website',
  scripts = [],
  children,
}: LayoutProps) {
  const fullTitle = title === config.siteName ? title : `${title} | ${config.siteName}`;
  const canonical = `${config.baseUrl}${path}`;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {description ? <meta name="description" content={description} /> : null}
        {noindex ? <meta name="robots" content="noindex" /> : <link rel="canonical" href={canonical} />}
        <meta property="og:type" content={ogType} />
        <meta property="og:title" content={title} />
        {description ? <meta property="og:description" content={description} /> : null}
        <meta property="og:url" content={canonical} />
        <meta property="og:site_name" content={config.siteName} />
        <meta name="color-scheme" content="light dark" />
        <link rel="stylesheet" href="/assets/site.css" />
        <link
          rel="alternate"
          type="application/atom+xml"
          title={`${config.siteName}: new and re-reviewed answers`}
          href="/feed.xml"
        />
        {scripts.map((src) => (
          // Module scripts are deferred by default: the page renders first, with or without them.
          <script type="module" src={src} />
        ))}
        {head}
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="site">
          <div class="wrap">
            <a class="brand" href="/">
              {config.siteName}
            </a>
            <nav class="site" aria-label="Main">
              <ul>
                <li>
                  <a href="/">Conditions A–Z</a>
                </li>
                <li>
                  <a href="/about/medical-review">About our medical review</a>
                </li>
              </ul>
            </nav>
            {headerSearch ? <SearchForm id="header-q" label="Search questions" compact /> : null}
          </div>
        </header>
        <main id="main" class="wrap" tabindex={-1}>
          {children}
        </main>
        <footer class="site">
          <div class="wrap">
            <p>
              {config.siteName} publishes short, sourced answers about health conditions. Each page says who
              reviewed it and when. Imported answers name their original publisher.
            </p>
            <nav aria-label="Footer">
              <ul>
                <li>
                  <a href="/about/medical-review">How we review</a>
                </li>
                <li>
                  <a href="/api/v1/docs">Data API</a>
                </li>
                <li>
                  <a href="/feed.xml">Updates feed (Atom)</a>
                </li>
              </ul>
            </nav>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** A plain list of links: related conditions, nearest answers, questions to search on their own. */
export function LinkList({ links }: { links: { href: string; text: string }[] }) {
  return (
    <ul>
      {links.map((l) => (
        <li>
          <a href={l.href}>{l.text}</a>
        </li>
      ))}
    </ul>
  );
}

export interface Crumb {
  href: string;
  label: string;
}

/** The trail above a page's heading; `here` marks the last crumb as the page itself. */
export function Breadcrumbs({ trail, here = false }: { trail: Crumb[]; here?: boolean }) {
  return (
    <nav class="breadcrumbs" aria-label="Breadcrumb">
      <ol>
        {trail.map((crumb, i) => (
          <li>
            <a href={crumb.href} aria-current={here && i === trail.length - 1 ? 'page' : undefined}>
              {crumb.label}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
