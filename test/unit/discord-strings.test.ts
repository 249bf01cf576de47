import { describe, expect, it } from 'vitest';
import { commandList } from '../../src/discord/bot.js';
import { CATALOGUE, langOf, readableDate, readableDuration } from '../../src/discord/strings.js';
import { loadConfig } from '../../src/config.js';

// A sample argument for each parameter, so that every string of both languages is produced.
const sample = (fn: (...args: never[]) => unknown) => (fn as (...args: unknown[]) => unknown)(...Array.from({ length: fn.length }, (_, i) => (i % 2 ? 3 : 'x')));

describe('the string catalogue', () => {
  const keys = { en: Object.keys(CATALOGUE.en).sort(), fr: Object.keys(CATALOGUE.fr).sort() };

  it('has every key in both languages, of the same kind and arity, never empty', () => {
    expect(keys.fr).toEqual(keys.en);
    for (const key of keys.en as (keyof typeof CATALOGUE.en)[]) {
      const [en, fr] = [CATALOGUE.en[key], CATALOGUE.fr[key]];
      expect(typeof fr, key).toBe(typeof en);
      if (typeof en === 'function') {
        expect((fr as (...a: never[]) => unknown).length, key).toBe(en.length);
        expect(String(sample(en)).trim(), key).not.toBe('');
        expect(String(sample(fr as never)).trim(), key).not.toBe('');
      } else expect(en.trim() && (fr as string).trim(), key).toBeTruthy();
    }
  });

  it('is translated: French differs from English except for words both languages share', () => {
    const same = keys.en.filter((key) => {
      const k = key as keyof typeof CATALOGUE.en;
      const [en, fr] = [CATALOGUE.en[k], CATALOGUE.fr[k]];
      return typeof en === 'function' ? String(sample(en)) === String(sample(fr as never)) : en === fr;
    });
    expect(same).toEqual(['status.index', 'status.mode']);
  });

  it('reads the reader’s locale, English by default', () => {
    expect([langOf('fr'), langOf('en-US'), langOf('de'), langOf(undefined)]).toEqual(['fr', 'en', 'en', 'en']);
  });

  it('says dates and durations as a reader would', () => {
    expect([readableDate('2024-07', 'en'), readableDate('2024-08-01', 'fr'), readableDate('2024', 'fr'), readableDate(undefined, 'en')]).toEqual(['July 2024', '1er août 2024', '2024', undefined]);
    expect([readableDuration(45_000, 'en'), readableDuration(3 * 3600_000 + 12 * 60_000 + 5000, 'en'), readableDuration(2 * 86_400_000 + 4 * 3600_000, 'fr')]).toEqual(['45 s', '3 h 12 min', '2 j 4 h']);
  });

  it('gives every command and option an English and a French description, and valid French names', () => {
    for (const { data } of commandList(loadConfig({}))) {
      const all = [data, ...(data.options ?? [])] as { name: string; description: string; name_localizations?: Record<string, string>; description_localizations?: Record<string, string> }[];
      for (const item of all) {
        expect(item.description.length, item.name).toBeLessThanOrEqual(100);
        expect(item.description_localizations?.fr, `${data.name} ${item.name}`).toBeTruthy();
        expect(item.description_localizations!.fr!.length, item.name).toBeLessThanOrEqual(100);
        const name = item.name_localizations?.fr ?? item.name;
        expect(name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
        for (const choice of (item as { choices?: { name: string; name_localizations?: Record<string, string> }[] }).choices ?? []) {
          expect(choice.name_localizations?.fr, `${data.name} ${item.name} ${choice.name}`).toBeTruthy();
          expect(choice.name_localizations!.fr).not.toBe(choice.name);
        }
      }
    }
  });
});
