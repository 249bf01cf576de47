import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

describe('fetch and feed settings', () => {
  it('default to public addresses only, 20 s, 5 MiB, no feeds, a 30-minute interval, state in the data folder', () => {
    const config = loadConfig({}, '/srv/dossier');
    expect(config.fetch).toMatchObject({ allowPrivate: false, timeoutMs: 20_000, maxBytes: 5 * 1024 * 1024, userAgent: expect.stringMatching(/^DossierBot\//) });
    expect(config.feeds).toEqual({ urls: [], intervalMs: 30 * 60_000, statePath: '/srv/dossier/embeddings/feeds.json' });
  });

  it('reads a feed list separated by commas, spaces or new lines', () => {
    const feeds = loadConfig({ DOSSIER_FEEDS: 'https://a.example/rss.xml, https://b.example/atom\nhttp://c.example/feed', DOSSIER_FEEDS_INTERVAL_MINUTES: '5' }, '/x').feeds;
    expect(feeds.urls).toEqual(['https://a.example/rss.xml', 'https://b.example/atom', 'http://c.example/feed']);
    expect(feeds.intervalMs).toBe(300_000);
  });

  it('refuses a feed that is not an http(s) link, and an interval under a minute', () => {
    expect(() => loadConfig({ DOSSIER_FEEDS: 'https://a.example/rss, file:///etc/passwd' }, '/x')).toThrow(/DOSSIER_FEEDS/);
    expect(() => loadConfig({ DOSSIER_FEEDS_INTERVAL_MINUTES: '0.1' }, '/x')).toThrow(/DOSSIER_FEEDS_INTERVAL_MINUTES/);
  });

  it('DOSSIER_FETCH_ALLOW_PRIVATE: a flag, or address ranges; anything else is named', () => {
    expect(loadConfig({ DOSSIER_FETCH_ALLOW_PRIVATE: 'true' }, '/x').fetch.allowPrivate).toBe(true);
    expect(loadConfig({ DOSSIER_FETCH_ALLOW_PRIVATE: 'off' }, '/x').fetch.allowPrivate).toBe(false);
    expect(loadConfig({ DOSSIER_FETCH_ALLOW_PRIVATE: '10.0.0.0/8, fd00::/8 192.168.1.20' }, '/x').fetch.allowPrivate).toEqual([
      { network: '10.0.0.0', prefix: 8, type: 'ipv4' },
      { network: 'fd00::', prefix: 8, type: 'ipv6' },
      { network: '192.168.1.20', prefix: 32, type: 'ipv4' },
    ]);
    expect(() => loadConfig({ DOSSIER_FETCH_ALLOW_PRIVATE: 'intranet' }, '/x')).toThrow(/DOSSIER_FETCH_ALLOW_PRIVATE: must be true, false or address ranges like 10\.0\.0\.0\/8 \(not intranet\)/);
    expect(() => loadConfig({ DOSSIER_FETCH_ALLOW_PRIVATE: '10.0.0.0/33' }, '/x')).toThrow(/not 10\.0\.0\.0\/33/);
  });
});
