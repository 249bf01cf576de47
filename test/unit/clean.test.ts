import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanArticleText } from '../../src/ingest/clean.js';
import { REPO } from '../support/workspace.js';

const doingbuzz = readFileSync(path.join(REPO, 'corpus/2024-niger-rompt-lien-etats-unis-doingbuzz.md'), 'utf8').split('---\n')[2]!;

describe('cleanArticleText on the DOINGBUZZ seed', () => {
  const { text, removed } = cleanArticleText(doingbuzz);

  it('removes the ad block, the see-also link, the image file name and the newsletter footer', () => {
    for (const junk of ['Publicité', 'Lire aussi', 'Rtrmadp', 'DOINGBUZZ PREMIUM', 'Accédez Maintenant', 'doingbuzz DIRECT', 'Newsletter', 'Mots-clés', 'Abonnez-vous', 'Lancez-vous']) {
      expect(text).not.toContain(junk);
    }
    expect(removed.length).toBeGreaterThanOrEqual(10);
  });

  it('keeps the title line and every paragraph of the article', () => {
    expect(text.split('\n')[0]).toBe('Le Niger rompt tout lien avec les États-Unis ?');
    expect(text).toContain('Dans une décision audacieuse, les autorités militaires du Niger');
    expect(text).toContain('En somme, la rupture des liens entre le Niger et les États-Unis marque le début');
    expect(text).toContain('mercenaires russes de Wagner');
    expect(text.split('\n')).toHaveLength(7);
  });

  it('keeps only text that stands verbatim in the source', () => {
    for (const line of text.split('\n')) expect(doingbuzz).toContain(line);
  });
});

describe('cleanArticleText, generic rules', () => {
  it('drops a reading-time prefix glued to a heading but keeps the heading', () => {
    const { text } = cleanArticleText('3 minutesRencontre entre une délégation et le ministre\nUn paragraphe assez long pour compter comme le corps de cet article, avec sa phrase.');
    expect(text.split('\n')[0]).toBe('Rencontre entre une délégation et le ministre');
  });

  it("drops the site's notices to its reader and bylines, not prose about cookies nor a photo's caption", () => {
    const prose = 'Un paragraphe assez long pour compter comme le corps de cet article, avec sa phrase.';
    const notices = [
      'Nous utilisons des cookies pour améliorer votre expérience sur notre site.',
      'En cliquant sur « Accepter », vous consentez à l’utilisation de cookies à des fins de mesure d’audience.',
      'Recevez toute l’actualité directement dans votre boîte mail : abonnez-vous à la newsletter.',
      'Avec notre correspondant à Cotonou, Serge Adjovi',
      'Par Nathalie Giraud',
      'Par Claire Dumoulin — Publié le 27 novembre 2026 à 07h15',
      'Publié le 09/02/2026 à 08h15',
      'Updated on 3 March 2025, 10:42',
      // a call to action ending in an accented letter ("publicité", not seen by \b)
      'Publicité sponsorisée',
      'Politique de confidentialité : vos données restent chez nous.',
    ];
    const cookieLaw = 'La Commission a infligé une amende à trois sites pour des cookies déposés sans accord, une première en Europe.';
    const caption = 'Photo : l’entrée du centre hospitalier, lundi 17 mars 2025. © Florian Salesse';
    expect(cleanArticleText([prose, ...notices, cookieLaw, caption].join('\n')).text).toBe([prose, cookieLaw, caption].join('\n'));
  });

  it('keeps sentences that start like a dateline, and reads a long would-be byline quickly', () => {
    const sentences = ['Publié mardi, le rapport pointe des retards.', 'Updated figures show a fall in crime.'];
    expect(cleanArticleText(sentences.join('\n')).text).toBe(sentences.join('\n'));
    // (this took 38 s when a name's parts could be split in many ways; the test's time limit catches it)
    expect(() => cleanArticleText(`Par A${'-A'.repeat(400)} x`)).not.toThrow();
  });

  it('drops lines repeated within an article (menus, share bars)', () => {
    const body = 'Partager sur X\nUn paragraphe assez long pour compter comme le corps de cet article, avec sa phrase.\nMenu principal\nMenu principal';
    expect(cleanArticleText(body).text).toBe('Un paragraphe assez long pour compter comme le corps de cet article, avec sa phrase.');
  });
});

describe('long paragraphs', () => {
  it('keeps an article written as one long paragraph, however often its words recur', () => {
    const sentences = ['Le conseil a voté la loi.', 'La loi change les routes du canton.', 'Les routes du canton seront refaites.', 'Le vote a eu lieu mardi.'];
    const paragraph = Array.from({ length: 60 }, (_, i) => sentences[i % sentences.length]).join(' ');
    expect(cleanArticleText(`Titre\n${paragraph}`).text).toContain(paragraph);
  });
});
