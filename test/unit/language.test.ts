import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessLanguage, isOtherLanguage } from '../../src/text/language.js';
import { REPO } from '../support/workspace.js';

describe('a question in a third language', () => {
  it.each([
    '¿Cuándo se fueron las tropas estadounidenses de Agadez?',
    'Wann haben die amerikanischen Truppen Agadez verlassen?',
    'Quando as tropas americanas deixaram Agadez?',
    'Quali sono le truppe italiane in Niger oggi?',
    'Wanneer vertrokken de Amerikaanse troepen uit Agadez?',
    'Kiedy wojska amerykańskie opuściły Agadez?',
    'Когда американские войска покинули Агадес?',
    'متى غادرت القوات الأمريكية أغاديز؟',
  ])('is told apart and answered in English: %s', (question) => {
    expect(isOtherLanguage(question)).toBe(true);
    expect(guessLanguage(question)).toBe('en');
  });

  it('no French or English question of the eval sets is taken for a third language', () => {
    const evalDir = path.join(REPO, 'eval');
    const questions = readdirSync(evalDir)
      .filter((file) => file.endsWith('.jsonl'))
      .flatMap((file) => readFileSync(path.join(evalDir, file), 'utf8').split('\n').filter(Boolean))
      .map((line) => (JSON.parse(line) as { question?: string }).question)
      .filter((question): question is string => typeof question === 'string');
    expect(questions.length).toBeGreaterThan(200);
    expect(questions.filter(isOtherLanguage)).toEqual([]);
  });
});
