// Which network addresses a fetch may connect to. A link pasted in Discord or an item of a feed must
// not make the bot reach into the machine it runs on or its network (the router's admin page, a
// database, a cloud metadata service): loopback, private, link-local, shared, multicast and reserved
// ranges are refused unless the operator allows them. Node's BlockList does the matching.
import { BlockList, isIP } from 'node:net';
import type { AddressRange, PrivateAddressPolicy } from '../config.js';

const NON_PUBLIC_V4: [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT (also Alibaba Cloud's metadata, 100.100.100.200)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, with the cloud metadata service at 169.254.169.254
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and the broadcast address
];

const NON_PUBLIC_V6: [string, number][] = [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local (private; AWS's IPv6 metadata fd00:ec2::254 is in it)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // deprecated site-local
  ['ff00::', 8], // multicast
];

const nonPublic = new BlockList();
for (const [network, prefix] of NON_PUBLIC_V4) nonPublic.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of NON_PUBLIC_V6) nonPublic.addSubnet(network, prefix, 'ipv6');

/** Whether a fetch may connect to `address` (an IP literal). Anything not an IP is refused. */
export function isAllowedAddress(address: string, allowPrivate: PrivateAddressPolicy = false): boolean {
  const ip = embeddedIPv4(address.replace(/^\[|\]$/g, ''));
  const family = isIP(ip);
  if (!family) return false;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (!nonPublic.check(ip, type)) return true;
  if (allowPrivate === true) return true;
  if (allowPrivate === false) return false;
  return allowedRanges(allowPrivate).check(ip, type);
}

const rangeLists = new WeakMap<readonly AddressRange[], BlockList>();

function allowedRanges(ranges: readonly AddressRange[]): BlockList {
  let list = rangeLists.get(ranges);
  if (!list) {
    list = new BlockList();
    for (const { network, prefix, type } of ranges) list.addSubnet(network, prefix, type);
    rangeLists.set(ranges, list);
  }
  return list;
}

// An IPv6 address that carries an IPv4 one (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::, 6to4 2002:)
// reaches that IPv4 address: it is judged as that address.
function embeddedIPv4(address: string): string {
  if (isIP(address) !== 6) return address;
  const groups = expandIPv6(address);
  if (!groups) return address;
  const fromGroups = (high: number, low: number) => [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
  const isMapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  const isNat64 = groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0);
  if (isMapped || isNat64) return fromGroups(groups[6]!, groups[7]!);
  if (groups[0] === 0x2002) return fromGroups(groups[1]!, groups[2]!);
  return address;
}

function expandIPv6(address: string): number[] | undefined {
  let text = address.toLowerCase().split('%')[0]!;
  // A dotted IPv4 tail (::ffff:127.0.0.1) becomes two groups.
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  if (tail === undefined ? headGroups.length !== 8 : missing < 0) return undefined;
  const groups = [...headGroups, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...tailGroups].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : undefined;
}
