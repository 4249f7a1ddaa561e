import type { JSX } from 'hono/jsx/jsx-runtime';

/** Renders a page element to a complete HTML document. */
export async function renderDocument(page: JSX.Element): Promise<string> {
  return `<!DOCTYPE html>${await page.toString()}`;
}
