import type { SiteConfig } from '../config.js';
import { Layout } from '../layout.js';

/** 404 and 500 pages: plain words and a way on, never internals. */
export function ErrorPage({ config, status, path }: { config: SiteConfig; status: 404 | 500; path: string }) {
  const notFound = status === 404;
  return (
    <Layout config={config} title={notFound ? 'Page not found' : 'Something went wrong'} path={path}>
      <h1>{notFound ? 'Page not found' : 'Something went wrong'}</h1>
      <p>
        {notFound
          ? 'We could not find that page. It may have moved, or the address may be mistyped.'
          : 'We could not show this page just now. Please try again in a moment.'}
      </p>
      <p>
        <a href="/">Browse all conditions A–Z</a>
      </p>
    </Layout>
  );
}
