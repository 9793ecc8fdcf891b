// chosenFiles: what a person chose in a file field, not the empty part a browser sends for none.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chosenFiles } from './http.tsx';

test('chosenFiles: an empty, nameless part is nothing chosen; a named or non-empty file counts; strings are not files', () => {
  const none = new File([], '');
  const namedEmpty = new File([], 'kosong.pdf');
  const pdf = new File([new Uint8Array([1, 2, 3])], 'sk.pdf');
  const rows: [Record<string, unknown>, File[]][] = [
    [{}, []],
    [{ file: none }, []],
    [{ file: 'sk.pdf' }, []],
    [{ file: pdf }, [pdf]],
    [{ file: namedEmpty }, [namedEmpty]],
    [{ file: [none, pdf, 'x', namedEmpty] }, [pdf, namedEmpty]],
    [{ other: pdf }, []],
  ];
  for (const [body, want] of rows) assert.deepEqual(chosenFiles(body, 'file'), want);
});
