// Which address is the client: the socket's peer, or — behind configured reverse proxies only —
// the right-most X-Forwarded-For hop that is not a trusted proxy (a client cannot forge its way in).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseProxies } from './config.ts';
import { forwardedClient } from './http.tsx';

const cases: [string, string, string | undefined, string[], string][] = [
  ['no proxies configured: the header is ignored', '10.0.0.5', '203.0.113.9', [], '10.0.0.5'],
  ['peer is not a trusted proxy: the header is ignored', '198.51.100.7', '203.0.113.9', ['127.0.0.1'], '198.51.100.7'],
  ['behind one proxy', '127.0.0.1', '203.0.113.9', ['127.0.0.1'], '203.0.113.9'],
  ['a forged left-most hop is not believed', '127.0.0.1', '1.2.3.4, 203.0.113.9', ['127.0.0.1'], '203.0.113.9'],
  ['two trusted proxies', '10.0.0.2', '203.0.113.9, 10.0.0.1', ['10.0.0.1', '10.0.0.2'], '203.0.113.9'],
  ['only trusted hops: the peer', '127.0.0.1', '127.0.0.1', ['127.0.0.1'], '127.0.0.1'],
  ['no header: the peer', '127.0.0.1', undefined, ['127.0.0.1'], '127.0.0.1'],
  ['IPv4-mapped IPv6 hops', '127.0.0.1', '::ffff:203.0.113.9', ['127.0.0.1'], '203.0.113.9'],
];
for (const [why, peer, xff, trusted, want] of cases) test(why, () => assert.equal(forwardedClient(peer, xff, trusted), want));

test('TRUSTED_PROXIES is a comma-separated list', () => {
  assert.deepEqual(parseProxies(' 127.0.0.1, ::1 ,,::ffff:10.0.0.1'), ['127.0.0.1', '::1', '10.0.0.1']);
  assert.deepEqual(parseProxies(''), []);
});
