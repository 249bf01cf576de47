// An article page's metadata, from what publishers put there for search engines and social
// networks: JSON-LD (schema.org NewsArticle and kin) first, then OpenGraph and other <meta> tags,
// then <time> elements and the document itself. Each field is taken from the first place that has it.

/** A linkedom (or DOM) document: only querySelector(All) and attributes are used. */
type PageDocument = Pick<Document, 'querySelector' | 'querySelectorAll' | 'documentElement'>;

export interface PageMeta {
  title?: string;
  /** The outlet: publisher or site name. */
  source?: string;
  author?: string;
  /** The canonical URL (absolute http(s)). */
  url?: string;
  /** YYYY-MM-DD, as the page writes it (the publisher's local date). */
  published?: string;
  language?: 'fr' | 'en';
  /** false when the page declares that it is for subscribers (schema.org isAccessibleForFree). */
  accessibleForFree?: boolean;
}

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|Report|LiveBlogPosting)$/;

/** The page's metadata; `baseUrl` (where it was fetched from) resolves relative canonical links. */
export function pageMetadata(document: PageDocument, baseUrl?: string): PageMeta {
  const ld = jsonLdArticle(document);
  const meta = (...selectors: string[]) => {
    for (const selector of selectors) {
      const value = document.querySelector(selector)?.getAttribute('content')?.trim();
      if (value) return value;
    }
    return undefined;
  };
  const timeElement = document.querySelector('time[itemprop="datePublished"], time[pubdate], article time[datetime], time[datetime]');
  return {
    title: text(ld?.headline) ?? text(ld?.name) ?? meta('meta[property="og:title"]', 'meta[name="twitter:title"]', 'meta[name="title"]'),
    source: name(ld?.publisher) ?? meta('meta[property="og:site_name"]', 'meta[name="application-name"]'),
    author: name(ld?.author) ?? meta('meta[name="author"]', 'meta[property="article:author"]', 'meta[name="byl"]')?.replace(/^(by|par)\s+/i, ''), // a byline's "By" / "Par"
    url: absoluteUrl(text(ld?.url) ?? text(ld?.mainEntityOfPage) ?? document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta('meta[property="og:url"]'), baseUrl),
    published:
      isoDay(text(ld?.datePublished)) ??
      isoDay(meta('meta[property="article:published_time"]', 'meta[name="pubdate"]', 'meta[name="publishdate"]', 'meta[name="date"]', 'meta[name="dc.date"]', 'meta[name="DC.date.issued"]', 'meta[itemprop="datePublished"]', 'meta[name="parsely-pub-date"]')) ??
      isoDay(timeElement?.getAttribute('datetime') ?? undefined) ??
      isoDay(text(ld?.dateCreated)),
    language: language(text(ld?.inLanguage) ?? document.documentElement?.getAttribute('lang') ?? meta('meta[property="og:locale"]', 'meta[http-equiv="content-language"]')),
    accessibleForFree: ld && 'isAccessibleForFree' in ld ? !/^false$/i.test(String(ld.isAccessibleForFree)) : undefined,
  };
}

type LdNode = Record<string, unknown>;

// The first article-typed node of the page's JSON-LD blocks, looking into arrays and @graph.
function jsonLdArticle(document: PageDocument): LdNode | undefined {
  const nodes: LdNode[] = [];
  const collect = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      nodes.push(value as LdNode);
      if ('@graph' in value) collect((value as LdNode)['@graph']);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      collect(JSON.parse(script.textContent ?? ''));
    } catch {
      // Broken JSON-LD is common; the other sources still apply.
    }
  }
  return nodes.find((node) => [node['@type']].flat().some((type) => typeof type === 'string' && ARTICLE_TYPES.test(type)));
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim() || undefined;
  if (Array.isArray(value)) return text(value[0]);
  if (value && typeof value === 'object') return text((value as LdNode)['@id'] ?? (value as LdNode)['@value']);
  return undefined;
}

// A person or organisation: a string, an object with a name, or a list of them (joined).
function name(value: unknown): string | undefined {
  const names = [value].flat().map((v) => (typeof v === 'string' ? v : v && typeof v === 'object' ? (v as LdNode).name : undefined)).map(text).filter(Boolean);
  return names.length ? [...new Set(names)].join(', ') : undefined;
}

function absoluteUrl(value: string | undefined, base: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

// The date as written (2024-07-15T22:30:00+01:00 is the 15th where it was published), else parsed.
function isoDay(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const written = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (written) return written[0];
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString().slice(0, 10);
}

function language(value: string | undefined): 'fr' | 'en' | undefined {
  const code = value?.trim().slice(0, 2).toLowerCase();
  return code === 'fr' || code === 'en' ? code : undefined;
}
