import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRandom } from './demo-random.ts';

test('seededRandom: mulberry32, the same sequence for the same seed, numbers in [0, 1)', () => {
  const r = seededRandom(42);
  assert.deepEqual([r(), r(), r()], [0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
  assert.equal(seededRandom(0)(), 0.26642920868471265);
  const a = seededRandom(20250011), b = seededRandom(20250011);
  for (let i = 0; i < 1000; i++) {
    const x = a();
    assert.equal(x, b());
    assert.ok(x >= 0 && x < 1);
  }
});
