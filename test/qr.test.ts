// The poster's QR code, read back: the SVG drawn from the qrcode package's symbol, and — when
// pdftoppm and zbarimg are installed (Debian: poppler-utils, zbar-tools) — an independent scan of the
// printed poster, rendered through Typst as an image, back to its link.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import QRCode from 'qrcode';
import { qrSvg, renderPosterPdf } from '../src/modules/surveys/public.poster.ts';

test('SVG: a quiet zone of four modules and one path', () => {
  const text = 'http://127.0.0.1:3000/s/X/Y';
  const size = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules.size;
  const svg = qrSvg(text);
  assert.match(svg, new RegExp(`viewBox="0 0 ${size + 8} ${size + 8}"`));
  assert.equal((svg.match(/<path /g) ?? []).length, 1);
});

const hasTools = spawnSync('zbarimg', ['--version']).status === 0 && spawnSync('pdftoppm', ['-v']).status === 0;

test('zbarimg scans the printed posters back to their links', { skip: hasTools ? false : 'zbarimg or pdftoppm not installed (apt-get install zbar-tools poppler-utils)' }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'itg-qr-'));
  try {
    const urls = [
      'https://integritas.bangkakab.go.id/s/DPMPTSPKUKM/IMB',
      'http://127.0.0.1:3100/s/DUKCAPIL/ipkp',
      `https://integritas.bangkakab.go.id/s/DPMPTSPKUKM/${'b'.repeat(100)}`,
    ];
    for (const [i, url] of urls.entries()) {
      const pdf = renderPosterPdf({ regency: 'Pemerintah Kabupaten Bangka', unit: 'Dinas Contoh', service: 'Layanan Contoh', survey: null, surveyTitle: 'Survei Kepuasan Masyarakat', url, at: new Date('2026-01-05T00:00:00Z') });
      writeFileSync(path.join(dir, `p${i}.pdf`), pdf);
      execFileSync('pdftoppm', ['-r', '72', '-png', '-singlefile', path.join(dir, `p${i}.pdf`), path.join(dir, `p${i}`)]);
      const out = execFileSync('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', path.join(dir, `p${i}.png`)], { encoding: 'utf8' });
      assert.equal(out.trim(), url);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
