import { clientKey } from './client-key';

describe('clientKey', () => {
  it('keeps an IPv4 address, also when written IPv4-mapped', () => {
    expect(clientKey('192.0.2.7')).toBe('192.0.2.7');
    expect(clientKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(clientKey('::FFFF:192.0.2.7')).toBe('192.0.2.7');
  });

  it('keys IPv6 by its /64: addresses of one subscriber network are one client, another network is another', () => {
    const one = clientKey('2001:db8:aa:1::1');
    expect(one).toBe('2001:db8:aa:1::/64');
    expect(clientKey('2001:0db8:00aa:0001:ffff:1234:5678:9abc')).toBe(one);
    expect(clientKey('2001:db8:aa:1:dead:beef::')).toBe(one);
    expect(clientKey('2001:db8:aa:2::1')).not.toBe(one);
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientKey('64:ff9b:1:2::192.0.2.1')).toBe('64:ff9b:1:2::/64');
  });

  it('keeps what it cannot read as it is, and one shared key for no address', () => {
    expect(clientKey('1:2:3')).toBe('1:2:3');
    expect(clientKey('1::2::3')).toBe('1::2::3');
    expect(clientKey('g::1')).toBe('g::1');
    expect(clientKey(undefined)).toBe('unknown');
    expect(clientKey('')).toBe('unknown');
  });
});
