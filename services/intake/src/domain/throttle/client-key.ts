/**
 * The key a client address is throttled by. IPv4 (also written IPv4-mapped, `::ffff:192.0.2.1`) is the
 * address; IPv6 is its /64, the block one subscriber gets, so rotating through the 2^64 addresses of one's own
 * network is still one client. Anything else (no address) is one shared key.
 */
export function clientKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1];
  if (!address.includes(':')) return address;
  const groups = expandIpv6(address.split('%')[0]);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : address;
}

/** The eight 16-bit groups of an IPv6 address, lower-case without leading zeros; undefined if it is not one. */
function expandIpv6(address: string): string[] | undefined {
  const halves = address.toLowerCase().split('::');
  if (halves.length > 2) return undefined;
  const split = (half: string) => (half === '' ? [] : half.split(':'));
  const head = split(halves[0]);
  const tail = halves.length === 2 ? split(halves[1]) : [];
  // An embedded IPv4 tail (`64:ff9b::192.0.2.1`) counts as two groups; only the first four matter here.
  const tailGroups = tail.flatMap((group) => (group.includes('.') ? ['0', '0'] : [group]));
  const missing = 8 - head.length - tailGroups.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tailGroups];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return undefined;
  return groups.map((group) => parseInt(group, 16).toString(16));
}
