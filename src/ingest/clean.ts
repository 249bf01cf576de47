// Generic removal of site boilerplate. Every kept line is a trimmed substring of a source line,
// so a quote taken from the cleaned text is also verbatim in the file a reader can open.

import { wholeWords } from '../text/boundaries.js';

// (accent-aware ends: "publicité" is followed by a space, and JavaScript's \b does not see "é" as a letter)
const CALL_TO_ACTION =
  /^(rejoignez|abonnez[- ]vous|inscrivez[- ]vous|accédez|acceder|découvrez|lancez[- ]vous|suivez[- ]nous|partag(ez|er)|téléchargez|newsletter|mots[- ]clés|tags?\s*:|publicité|subscribe|sign up|join (us|our)|follow us|share (this|on)|download|advertisement|related (articles|posts|topics))(?![\p{L}\p{N}])/iu;
const SEE_ALSO = /^(à |a )?(lire|voir) aussi(?![\p{L}\p{N}])|^(read|see) (also|more)(?![\p{L}\p{N}])|^en savoir plus(?![\p{L}\p{N}])|^sur le même sujet(?![\p{L}\p{N}])/iu;
// A site's notices to its reader (cookies, consent, newsletters), wherever they start.
const SITE_NOTICE = wholeWords('cookies?|newsletters?|abonnez[- ]vous|consentez|privacy policy|politique de confidentialité');
const ADDRESSES_READER = wholeWords('vous|votre|vos|you|your|nous utilisons|we use');
// Bylines ("Avec notre correspondant à Cotonou, Serge Adjovi", "Par Nathalie Giraud"). (A photo's caption
// stays: it may say what the text does not, "un flacon de vaccin ROR (rougeole, oreillons, rubéole)".)
const BYLINE = /^(?:(?:[Aa]vec|[Dd]e) (?:notre|nos) (?:correspondant|envoyé)e?s?(?![\p{L}\p{N}])|(?:[Pp]ar|[Bb]y)\s+\p{Lu}\p{L}+(?:[\s-]+\p{Lu}\p{L}+){1,3}$)/u;
// Datelines of the page ("Par Claire Dumoulin — Publié le 27 novembre 2026 à 07h15", "Mis à jour le 09/02/2026",
// "Published 3 March 2025"): the article's date is in its front matter; this is no event.
// (a name is capitalised words, hyphen-joined parts each capitalised, so the pattern cannot backtrack without
// end; a date must follow the verb: "Publié mardi, le rapport…" and "Updated figures show…" are sentences)
const BYLINE_NAME = String.raw`\p{Lu}\p{L}*(?:-\p{Lu}\p{L}*)*(?:\s+\p{Lu}\p{L}*(?:-\p{Lu}\p{L}*)*){0,3}`;
const DATELINE = new RegExp(String.raw`^(?:(?:[Pp]ar|[Bb]y)\s+${BYLINE_NAME}\s*[—–|,-]\s*)?(?:[Pp]ublié|[Mm]is à jour|[Pp]ublished|[Uu]pdated)(?:\s+(?:le|on))?\s*:?\s+(?:\p{L}+\.?,?\s+)?\d`, 'u');
const READING_TIME = /^\d{1,2}\s?min(utes?)?\s*(de lecture|read)?\s*(?=\p{Lu})/u;
const IMAGE_FILE = /\.(jpe?g|png|gif|webp|avif)\b/i;
const SENTENCE_END = /[.!?…»"”:)]$/u;

export interface CleanResult {
  text: string;
  removed: string[];
}

export function cleanArticleText(raw: string): CleanResult {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n').map((line) => line.trim());
  const removed: string[] = [];
  const seen = new Map<string, number>();
  for (const line of lines) if (line) seen.set(line, (seen.get(line) ?? 0) + 1);

  const kept: string[] = [];
  for (const line of lines) {
    if (!line) continue;
    const text = line.replace(READING_TIME, '');
    if (isBoilerplate(text, seen.get(line) ?? 0)) {
      removed.push(line);
      continue;
    }
    kept.push(text);
  }

  // Site footers trail the article as short unpunctuated lines ("doingbuzz DIRECT"): once the
  // last real paragraph is passed, such lines are navigation, not content.
  let lastParagraph = -1;
  kept.forEach((line, i) => {
    if (wordCount(line) >= 12 && SENTENCE_END.test(line)) lastParagraph = i;
  });
  const tail = kept.splice(lastParagraph + 1).filter((line) => {
    const isFooter = wordCount(line) < 8 && !SENTENCE_END.test(line);
    if (isFooter) removed.push(line);
    return !isFooter;
  });
  return { text: [...kept, ...tail].join('\n'), removed };
}

function isBoilerplate(line: string, occurrences: number): boolean {
  const words = line.split(/\s+/);
  if (occurrences > 1 && words.length < 12) return true; // repeated menu or ad lines
  if (CALL_TO_ACTION.test(line) && words.length < 25) return true;
  if (SEE_ALSO.test(line)) return true;
  if (SITE_NOTICE.test(line) && ADDRESSES_READER.test(line) && words.length < 40) return true;
  if ((BYLINE.test(line) && words.length < 12) || (DATELINE.test(line) && words.length < 16)) return true;
  if (IMAGE_FILE.test(line) && !SENTENCE_END.test(line)) return true;
  // A paragraph of sentences is prose however long (its share of distinct words falls as it grows);
  // an ad block is a phrase repeated without a sentence in it. (Sentences counted first: it is the cheaper test,
  // and most lines are prose.)
  if (sentenceCount(line) < 2 && isRepetitive(words)) return true;
  if (isCodeSoup(words, line)) return true;
  return false;
}

// Ad blocks repeat a short phrase many times ("En savoir plus - Publicité 2 Publicité 2 ...").
function isRepetitive(words: string[]): boolean {
  if (words.length < 10) return false;
  const distinct = new Set(words.map((w) => w.toLowerCase()));
  return distinct.size / words.length < 0.4;
}

// Image captions made of file-name parts: many tokens mixing digits and letters, no sentence.
function isCodeSoup(words: string[], line: string): boolean {
  if (words.length < 4 || SENTENCE_END.test(line)) return false;
  const codes = words.filter((w) => /\d/.test(w) && (/\p{L}/u.test(w) || w.length >= 6)).length;
  return codes / words.length >= 0.4;
}

function sentenceCount(line: string): number {
  return (line.match(/\p{Ll}[.!?…](?:\s|$)/gu) ?? []).length;
}

function wordCount(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}
