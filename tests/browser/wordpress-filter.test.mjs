// The WordPress plugin's the_content filter on hostile posts, timed against post size
// with php-cli (tests/wordpress/filter-timing.php): four times the post takes about four
// times as long, never the sixteen a quadratic scan would take. The filter completes
// every <open-vs-proprietary> element of every post on every view, so a post of
// thousands of unclosed tags must not cost seconds of PHP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ROOT } from './harness.mjs';

test('the_content filter takes time linear in the post, whatever the post holds', { timeout: 120_000 }, async () => {
  const { stdout } = await promisify(execFile)('php', [`${ROOT}tests/wordpress/filter-timing.php`, '1000', '4000'], { timeout: 100_000 });
  const times = JSON.parse(stdout);
  console.log(`the_content filter, fastest seconds for 1000 KB and 4000 KB posts: ${JSON.stringify(times)}`);
  for (const [kind, { 1000: small, 4000: large }] of Object.entries(times)) {
    // Linear: about 4; quadratic: about 16. The margin is for a noisy machine. A scan
    // done in a few milliseconds either way has no shape to read (a quadratic one over
    // 4000 KB takes seconds), so the ratio is judged from 20 ms on.
    if (large >= 0.02) assert.ok(large / small < 8, `${kind}: ${small} s for 1000 KB, ${large} s for 4000 KB`);
    assert.ok(large < 0.5, `${kind}: ${large} s for a 4000 KB post`);
  }
});

test('a post with the snippet pasted whole, its script included, is left as it is; any other post is completed', async () => {
  const { stdout } = await promisify(execFile)('php', [`${ROOT}tests/wordpress/filter-cases.php`], { timeout: 30_000 });
  assert.deepEqual(JSON.parse(stdout), {
    'module script': true, 'plain script': true, 'another script': false, 'embed.js in text': false,
  });
});
