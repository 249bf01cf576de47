import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { UserError } from '../../src/errors.js';

describe('loadConfig', () => {
  it('has working defaults relative to the working directory', () => {
    const config = loadConfig({}, '/srv/dossier');
    expect(config.corpusDir).toBe('/srv/dossier/corpus');
    expect(config.model).toMatchObject({ id: 'Xenova/multilingual-e5-small', dir: path.join('/srv/dossier/embeddings', 'models'), enabled: true });
    expect(config.discord.token).toBeUndefined();
    expect(config.discord.ratePerMinute).toBe(5);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DISCORD_TOKEN: '', DOSSIER_MODEL: '' }, '/x').model.id).toBe('Xenova/multilingual-e5-small');
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ DOSSIER_RATE_LIMIT_PER_MINUTE: 'lots' }, '/x')).toThrow(UserError);
    expect(() => loadConfig({ DOSSIER_RATE_LIMIT_PER_MINUTE: 'lots' }, '/x')).toThrow(/DOSSIER_RATE_LIMIT_PER_MINUTE/);
    expect(() => loadConfig({ DISCORD_APPLICATION_ID: 'my-bot' }, '/x')).toThrow(/DISCORD_APPLICATION_ID/);
    expect(() => loadConfig({ DOSSIER_ADMIN_USER_IDS: '123456789012345678, nope' }, '/x')).toThrow(/DOSSIER_ADMIN_USER_IDS/);
  });

  it('parses the admin allow-list', () => {
    expect(loadConfig({ DOSSIER_ADMIN_USER_IDS: '123456789012345678, 223456789012345678' }, '/x').discord.adminUserIds).toEqual([
      '123456789012345678',
      '223456789012345678',
    ]);
  });
});
