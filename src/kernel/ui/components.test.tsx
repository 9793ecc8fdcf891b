// The form components' markup: ids of controls, hints and errors, aria-invalid and aria-describedby,
// the error summary's order and links, the value caps, and the scroll region of wide tables.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CheckboxField, CheckboxGroup, DataTable, ECHO_CAP, ErrorSummary, FileField, Form, RadioGroup, ScrollRegion, SelectField, TextAreaField, TextField, capValue,
} from './components.tsx';
import type { View } from './view.ts';

function view(): View {
  return {
    t: ((key: string, params?: Record<string, unknown>) => (params && Object.keys(params).length ? `${key}${JSON.stringify(params)}` : key)) as View['t'],
    locale: 'id', csrf: 'tok', actor: null, path: '/x', nav: [], units: [], currentUnitId: null, scope: null, unreadCount: 0, flash: null,
    num: (n) => String(n), date: (d) => String(d), dateTime: (d) => String(d), can: () => true,
  };
}

const render = async (node: unknown) => String(await (node as { toString(): string | Promise<string> }).toString());

/** attributes of the element with the given id */
function attrs(html: string, id: string): Record<string, string> {
  const m = new RegExp(`<[a-z]+\\b[^>]*\\bid="${id}"[^>]*>`).exec(html);
  assert.ok(m, `an element with id ${id} in ${html}`);
  return Object.fromEntries([...m[0].matchAll(/([a-z-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!]));
}

test('every field kind: control id f-<name>, hint h-, error e- (with the hidden prefix); aria-invalid and aria-describedby name both', async () => {
  const v = view();
  const errors = { a: 'err.a', b: 'err.b', c: 'err.c', d: 'err.d', e: 'err.e' };
  const html = await render(<div>
    <TextField v={v} name="a" label="A" hint="hint a" errors={errors} />
    <TextAreaField v={v} name="b" label="B" hint="hint b" errors={errors} />
    <SelectField v={v} name="c" label="C" hint="hint c" errors={errors} options={[{ value: 'x', label: 'X' }]} />
    <FileField v={v} name="d" label="D" hint="hint d" errors={errors} />
    <CheckboxField v={v} name="e" label="E" hint="hint e" errors={errors} />
  </div>);
  for (const f of ['a', 'b', 'c', 'd', 'e']) {
    const a = attrs(html, `f-${f}`);
    assert.equal(a['aria-invalid'], 'true', f);
    assert.equal(a['aria-describedby'], `h-${f} e-${f}`, f);
    assert.match(html, new RegExp(`<div class="field__hint" id="h-${f}">hint ${f}</div>`));
    assert.match(html, new RegExp(`<div class="field__error" id="e-${f}"><span class="visually-hidden">form.error_prefix</span>err.${f}</div>`));
    assert.match(html, new RegExp(`<label[^>]*for="f-${f}"`), `label of ${f}`);
  }
});

test('a field without error or hint has neither aria-invalid nor aria-describedby; with a hint only, the hint', async () => {
  const v = view();
  const html = await render(<div><TextField v={v} name="a" label="A" /><TextAreaField v={v} name="b" label="B" hint="h" errors={{ other: 'x' }} /></div>);
  assert.equal(attrs(html, 'f-a')['aria-invalid'], undefined);
  assert.equal(attrs(html, 'f-a')['aria-describedby'], undefined);
  assert.equal(attrs(html, 'f-b')['aria-describedby'], 'h-b');
  assert.equal(attrs(html, 'f-b')['aria-invalid'], undefined);
});

test('an id stem other than the name keeps ids unique; error parameters reach the message', async () => {
  const v = view();
  const html = await render(<TextField v={v} name="title" id="etitle" label="T" hint="h" errors={{ title: 'too.long' }} errorParams={{ max: 200 }} />);
  assert.equal(attrs(html, 'f-etitle')['aria-describedby'], 'h-etitle e-etitle');
  assert.match(html, /id="e-etitle"><span class="visually-hidden">form.error_prefix<\/span>too.long\{&quot;max&quot;:200\}/);
  assert.match(html, /name="title"/);
});

test('radio and checkbox groups: the first control is f-<name>, the others f-<name>-<i>; each control aria-invalid, the fieldset described by hint and error', async () => {
  const v = view();
  for (const Group of [RadioGroup, CheckboxGroup]) {
    const html = await render(<Group v={v} name="q" legend="Q?" hint="pick" errors={{ q: 'err.q' }} value={null} choices={[{ value: '1', label: 'one' }, { value: '2', label: 'two' }, { value: '3', label: 'three' }]} />);
    assert.match(html, /<fieldset[^>]*aria-describedby="h-q e-q"/);
    assert.match(html, /<legend class="field__label">Q\?/);
    for (const id of ['f-q', 'f-q-1', 'f-q-2']) assert.equal(attrs(html, id)['aria-invalid'], 'true', id);
    assert.equal(attrs(html, 'f-q').value, '1');
    assert.doesNotMatch(html, /id="f-q-0"/);
  }
  const checked = await render(<CheckboxGroup v={v} name="q" legend="Q" value={['2', '3']} choices={[{ value: '1', label: 'one' }, { value: '2', label: 'two' }, { value: '3', label: 'three' }]} />);
  assert.equal(attrs(checked, 'f-q').checked, undefined);
  assert.equal(attrs(checked, 'f-q-1').checked, '');
  assert.equal(attrs(checked, 'f-q-2').checked, '');
});

test('the error summary lists errors in the order of the fields on the page, links each to the first control, page-level messages first as text', async () => {
  const v = view();
  // the errors object is in another order than the form (as a parser may give them)
  const errors = { later: 'err.later', _: 'err.page', q: 'err.q', first: 'err.first', unknown: 'err.unknown' };
  const html = await render(<main>
    <ErrorSummary v={v} errors={errors} />
    <form>
      <TextField v={v} name="first" label="First" errors={errors} />
      <RadioGroup v={v} name="q" legend="Q" errors={errors} choices={[{ value: 'a', label: 'a' }, { value: 'b', label: 'b' }]} />
      <FileField v={v} name="later" label="Later" errors={errors} />
    </form>
  </main>);
  const summary = /<div class="error-summary"[\s\S]*?<\/ul>/.exec(html)![0];
  const items = [...summary.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]);
  assert.deepEqual(items, [
    'err.page',
    '<a href="#f-first">err.first</a>',
    '<a href="#f-q">err.q</a>',
    '<a href="#f-later">err.later</a>',
    // a field that did not register (a hand-built control) still gets the conventional link, last
    '<a href="#f-unknown">err.unknown</a>',
  ]);
  // every link of a registered field lands on a control
  for (const id of ['f-first', 'f-q', 'f-later']) assert.match(html, new RegExp(`<input[^>]*id="${id}"`));
  assert.match(html, /<input[^>]*type="radio"[^>]*id="f-q"|<input[^>]*id="f-q"[^>]*type="radio"/);
  assert.match(html, /<input[^>]*type="file"[^>]*id="f-later"/);
});

test('texts (already translated) and errors are merged in one summary; no errors, no summary', async () => {
  const v = view();
  const html = await render(<div>
    <ErrorSummary v={v} texts={{ b: 'B is wrong' }} errors={{ a: 'err.a' }} />
    <TextField v={v} name="b" label="B" /><TextField v={v} name="a" label="A" />
  </div>);
  assert.match(html, /<li><a href="#f-b">B is wrong<\/a><\/li><li><a href="#f-a">err.a<\/a><\/li>/);
  assert.doesNotMatch(await render(<div><ErrorSummary v={v} errors={{}} /></div>), /error-summary/);
});

test('re-rendered values are capped at the maxlength (a 10 MB subject comes back as 200 characters), or at a default without one; a password is never echoed', async () => {
  const v = view();
  const huge = 'x'.repeat(10 * 1024 * 1024);
  const cases: [string, unknown, number][] = [
    ['text with maxlength', <TextField v={v} name="s" label="S" maxlength={200} value={huge} />, 200],
    ['text without', <TextField v={v} name="s" label="S" value={huge} />, ECHO_CAP.text],
    ['textarea with maxlength', <TextAreaField v={v} name="s" label="S" maxlength={5000} value={huge} />, 5000],
    ['textarea without', <TextAreaField v={v} name="s" label="S" value={huge} />, ECHO_CAP.textarea],
  ];
  for (const [what, node, max] of cases) {
    const html = await render(node);
    const run = /x{100,}/.exec(html)![0];
    assert.equal(run.length, max, what);
    assert.ok(html.length < max + 2000, what);
  }
  assert.doesNotMatch(await render(<TextField v={v} name="p" type="password" label="P" value="secret" />), /secret/);
});

test('capValue: table of lengths, never half a surrogate pair', () => {
  const rows: [string, number, string][] = [
    ['abc', 5, 'abc'],
    ['abcdef', 3, 'abc'],
    ['', 3, ''],
    ['ab😀', 3, 'ab'],
    ['ab😀', 4, 'ab😀'],
    ['abc', 0, ''],
    ['Izin\u0000usaha', 20, 'Izin\ufffdusaha'],
    ['a\u001b[31mb\u007f', 20, 'a\ufffd[31mb\ufffd'],
    ['tab\tline\nCR\r', 20, 'tab\tline\nCR\r'],
  ];
  for (const [input, max, want] of rows) assert.equal(capValue(input, max), want, `${input} ${max}`);
  assert.equal(capValue(null, 3), '');
  assert.equal(capValue(12345, 3), '123');
});

test('Form: novalidate always, the CSRF token on POST only', async () => {
  const v = view();
  const post = await render(<Form v={v} action="/a" class="form"><span>x</span></Form>);
  assert.match(post, /^<form[^>]*novalidate[^>]*>/);
  assert.match(post, /method="post"/);
  assert.match(post, /name="_csrf" value="tok"/);
  const get = await render(<Form v={v} action="/a" method="get"><span>x</span></Form>);
  assert.match(get, /novalidate/);
  assert.doesNotMatch(get, /_csrf/);
});

test('wide tables: the shared wrapper is a focusable, labelled region (DataTable uses it)', async () => {
  const v = view();
  const region = await render(<ScrollRegion label="Months"><table><tr><td>1</td></tr></table></ScrollRegion>);
  assert.match(region, /^<div class="table-wrap" role="region" aria-label="Months" tabindex="0"/);
  const table = await render(<DataTable v={v} caption="People" rows={[]} empty="none" columns={[{ key: 'a', label: 'A', render: () => 'a' }]} />);
  assert.match(table, /^<div class="table-wrap" role="region" aria-label="People" tabindex="0"/);
});
