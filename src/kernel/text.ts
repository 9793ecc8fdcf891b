// One check for what people type: every free-text field of every form (public ones first) refuses
// C0 control characters other than tab, line feed and carriage return, DEL, and text that was not
// valid UTF-8 (the form parser turns invalid bytes into U+FFFD, which no keyboard produces). The
// refusal is a field error like any other, so the form is shown again with the message beside the
// field and nothing is stored. Modules call these from their parse functions; nothing is silently
// stripped.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const REPLACEMENT = '\ufffd';
const CONTROL_ALL = new RegExp(CONTROL.source, 'g');

export type TextProblem = 'error.text.control' | 'error.text.encoding';

/** Why a typed value is refused, or null when it is acceptable text. */
export function textProblem(value: string): TextProblem | null {
  if (CONTROL.test(value)) return 'error.text.control';
  if (value.includes(REPLACEMENT)) return 'error.text.encoding';
  return null;
}

/**
 * Field errors for every string value of a form that carries a control character or invalid
 * UTF-8 (keys are the field names; non-string values such as files are skipped). Empty when the
 * form is clean. `only` restricts the check to the named fields.
 */
export function badTextFields(form: Record<string, unknown>, only?: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(form)) {
    if (only && !only.includes(name)) continue;
    const values = Array.isArray(raw) ? raw : [raw];
    for (const v of values) {
      if (typeof v !== 'string') continue;
      const p = textProblem(v);
      if (p) { out[name] = p; break; }
    }
  }
  return out;
}

/**
 * A refused value as it may be shown again in its field: each control character becomes U+FFFD, so
 * the page stays valid HTML and the person sees where the character was (the field error says why).
 */
export function echoableText(value: string): string {
  return value.replace(CONTROL_ALL, REPLACEMENT);
}
