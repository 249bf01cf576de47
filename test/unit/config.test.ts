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

  it('reads the object store of a LanceDB index, and refuses what cannot work', () => {
    const s3 = { DOSSIER_STORE: 'lancedb', DOSSIER_LANCEDB_URI: 's3://news-bucket/dossier', DOSSIER_LANCEDB_ENDPOINT: 'http://10.0.0.5:9000', DOSSIER_LANCEDB_ALLOW_HTTP: 'true', DOSSIER_LANCEDB_ACCESS_KEY_ID: 'id', DOSSIER_LANCEDB_SECRET_ACCESS_KEY: 'secret' };
    expect(loadConfig(s3, '/x').lance).toEqual({
      uri: 's3://news-bucket/dossier',
      storageOptions: { endpoint: 'http://10.0.0.5:9000', aws_access_key_id: 'id', aws_secret_access_key: 'secret', allow_http: 'true' },
    });
    expect(loadConfig({}, '/x').lance).toBeUndefined();
    expect(() => loadConfig({ ...s3, DOSSIER_STORE: 'default' }, '/x')).toThrow(/DOSSIER_LANCEDB_URI needs DOSSIER_STORE=lancedb/);
    expect(() => loadConfig({ ...s3, DOSSIER_LANCEDB_ALLOW_HTTP: 'false' }, '/x')).toThrow(/DOSSIER_LANCEDB_ENDPOINT: an http:\/\/ endpoint needs DOSSIER_LANCEDB_ALLOW_HTTP=true/);
    expect(() => loadConfig({ ...s3, DOSSIER_LANCEDB_URI: '/mnt/index' }, '/x')).toThrow(/DOSSIER_LANCEDB_URI: must be an S3 URI/);
  });
});
