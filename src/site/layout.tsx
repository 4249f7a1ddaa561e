/** The page shell: landmarks, skip link, one h1 per page (supplied by the page), footer. */
import type { Child } from 'hono/jsx';
import type { SiteConfig } from './config.js';

export interface LayoutProps {
  config: SiteConfig;
  title: string;
  description?: string;
  /** Path of the canonical URL, e.g. "/conditions/asthma". */
  path: string;
  /** Extra elements for <head> (JSON-LD, feeds). */
  head?: Child;
  children?: Child;
}

export function Layout({ config, title, description, path, head, children }: LayoutProps) {
  const fullTitle = title === config.siteName ? title : `${title} | ${config.siteName}`;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {description ? <meta name="description" content={description} /> : null}
        <link rel="canonical" href={`${config.baseUrl}${path}`} />
        <meta property="og:title" content={title} />
        {description ? <meta property="og:description" content={description} /> : null}
        <meta property="og:url" content={`${config.baseUrl}${path}`} />
        <meta property="og:site_name" content={config.siteName} />
        <link rel="stylesheet" href="/assets/site.css" />
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
              </ul>
            </nav>
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
          </div>
        </footer>
      </body>
    </html>
  );
}
