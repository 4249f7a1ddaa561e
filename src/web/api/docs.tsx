/** The human-readable API page, rendered from the same OpenAPI document the API serves. */
import { Layout, type SiteConfig } from '../../site/index.js';

interface Operation {
  summary?: string;
  parameters?: { name: string; in: string; description?: string; required?: boolean }[];
  responses?: Record<string, { description?: string }>;
}

export function ApiDocsPage({ config, document }: { config: SiteConfig; document: Record<string, unknown> }) {
  const info = document.info as { title: string; version: string; description: string };
  const paths = document.paths as Record<string, { get: Operation }>;
  const server = (document.servers as { url: string }[])[0]?.url ?? '/api/v1';
  return (
    <Layout
      config={config}
      title="Data API"
      path="/api/v1/docs"
      description={`${config.siteName} JSON API: conditions, answers and their medical review status.`}
    >
      <h1>Data API</h1>
      <p>
        {info.title} version {info.version}. {info.description}
      </p>
      <p>
        Machine-readable description: <a href="/api/v1/openapi.json">OpenAPI 3.1 document</a>. Base URL:{' '}
        <code>{server}</code>
      </p>
      <h2>Conventions</h2>
      <ul>
        <li>
          Lists take <code>limit</code> (1–100, default 50) and <code>offset</code>, and return a
          <code>pagination</code> object and a <code>Link</code> header.
        </li>
        <li>
          Every success carries an <code>ETag</code>; send it back in <code>If-None-Match</code> to get
          <code>304 Not Modified</code>.
        </li>
        <li>
          Errors are <code>application/problem+json</code> (RFC 9457) with <code>status</code>,
          <code>title</code> and <code>detail</code>.
        </li>
        <li>
          The <code>review</code> object says "reviewed" only when a clinician approved the exact published
          text; otherwise "awaiting-review", or "imported" with the original publisher.
        </li>
        <li>
          Static copies of the site publish a snapshot of the same data at the same paths with
          <code>.json</code> added, e.g. <code>/api/v1/conditions.json</code>.
        </li>
      </ul>
      <h2>Endpoints</h2>
      {Object.entries(paths).map(([path, item]) => (
        <section aria-label={`GET ${path}`}>
          <h3>
            <code>GET {path}</code>
          </h3>
          <p>{item.get.summary}</p>
          {item.get.parameters?.length ? (
            <ul>
              {item.get.parameters.map((p) => (
                <li>
                  <code>{p.name}</code> ({p.in}
                  {p.required ? ', required' : ''}){p.description ? `: ${p.description}` : ''}
                </li>
              ))}
            </ul>
          ) : null}
          <p class="status">
            Responses:{' '}
            {Object.entries(item.get.responses ?? {})
              .map(([code, r]) => `${code} ${r.description ?? ''}`.trim())
              .join(' · ')}
          </p>
        </section>
      ))}
    </Layout>
  );
}
