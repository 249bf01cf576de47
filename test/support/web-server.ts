// A small web server on 127.0.0.1 for fetch tests: routes answer with pages, feeds, redirects,
// slow or endless bodies; every request is recorded with its headers.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export class WebServer {
  readonly requests: { path: string; headers: IncomingMessage['headers']; status?: number }[] = [];
  private readonly routes = new Map<string, Route>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<WebServer> {
    const server = createServer();
    const web = new WebServer(server);
    server.on('request', (req, res) => void web.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return web;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  route(path: string, handler: Route): this {
    this.routes.set(path, handler);
    return this;
  }

  /** A 200 response of `type` with `body`. */
  serve(path: string, body: string, type = 'text/html; charset=utf-8', headers: Record<string, string> = {}): this {
    return this.route(path, (_req, res) => {
      res.writeHead(200, { 'content-type': type, ...headers });
      res.end(body);
    });
  }

  redirect(path: string, location: string, status = 302): this {
    return this.route(path, (_req, res) => {
      res.writeHead(status, { location });
      res.end();
    });
  }

  requestsTo(path: string) {
    return this.requests.filter((r) => r.path === path);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const entry: WebServer['requests'][number] = { path, headers: req.headers };
    this.requests.push(entry);
    res.on('finish', () => (entry.status = res.statusCode));
    const handler = this.routes.get(path);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<html><body><h1>Not found</h1></body></html>');
      return;
    }
    await handler(req, res);
  }
}

export interface PageSpec {
  title: string;
  paragraphs: string[];
  /** Put in <head> as is: JSON-LD, OpenGraph, meta tags. */
  head?: string;
  lang?: string;
  /** Extra markup inside <article>, after the paragraphs (a paywall box, a <time>). */
  after?: string;
}

/** A news page as sites serve them: navigation, a header, the article, related links, a footer. */
export function newsPage(spec: PageSpec): string {
  return `<!doctype html>
<html${spec.lang ? ` lang="${spec.lang}"` : ''}>
<head>
<meta charset="utf-8">
<title>${spec.title} | News</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
${spec.head ?? ''}
</head>
<body>
<header class="site-header"><a href="/">Home</a> <nav><a href="/world">World</a> <a href="/politics">Politics</a> <a href="/sport">Sport</a> <a href="/culture">Culture</a></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<main>
<article>
<h1>${spec.title}</h1>
${spec.paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
${spec.after ?? ''}
</article>
<aside class="related"><h2>Related</h2><ul><li><a href="/a">Weather warning for the weekend</a></li><li><a href="/b">Local elections: what to know</a></li></ul></aside>
</main>
<footer><p>© News Group. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
</body>
</html>`;
}

export function jsonLd(data: Record<string, unknown>): string {
  return `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', ...data })}</script>`;
}
