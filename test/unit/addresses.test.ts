import { describe, expect, it } from 'vitest';
import { isAllowedAddress } from '../../src/ingest/addresses.js';

describe('isAllowedAddress', () => {
  it.each([
    '127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '169.254.1.1',
    '100.64.0.1', '100.100.100.200', '0.0.0.0', '224.0.0.1', '255.255.255.255', '192.0.2.10',
    '::1', '::', 'fe80::1', 'fc00::1', 'fd00:ec2::254', 'ff02::1',
    '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:169.254.169.254', '64:ff9b::a9fe:a9fe', '2002:7f00:1::', '[::1]',
  ])('refuses %s (loopback, private, link-local, metadata, reserved, or one of those inside IPv6)', (address) => {
    expect(isAllowedAddress(address)).toBe(false);
  });

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '2002:808:808::'])('allows the public address %s', (address) => {
    expect(isAllowedAddress(address)).toBe(true);
  });

  it('refuses what is not an address', () => {
    expect(isAllowedAddress('localhost')).toBe(false);
    expect(isAllowedAddress('')).toBe(false);
  });

  it('allows private addresses when told to: all of them, or the listed ranges only', () => {
    expect(isAllowedAddress('10.1.2.3', true)).toBe(true);
    const intranet = [{ network: '10.0.0.0', prefix: 8, type: 'ipv4' as const }];
    expect(isAllowedAddress('10.1.2.3', intranet)).toBe(true);
    expect(isAllowedAddress('::ffff:10.1.2.3', intranet)).toBe(true);
    expect(isAllowedAddress('169.254.169.254', intranet)).toBe(false);
    expect(isAllowedAddress('127.0.0.1', intranet)).toBe(false);
  });
});
