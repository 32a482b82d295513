/**
 * Node attribute names and values as the browser checks them while they are typed, with the same
 * rules as lib/protocol/values.ts (which the server applies again; this copy stays zod-free for
 * the cluster pages' bundle, and a unit test proves the two agree).
 */
const ATTR_NAME = /^[A-Za-z_#][A-Za-z0-9._:#-]*$/;
const DASH_OK = /^-(\d+(\.\d+)?|INFINITY|inf)$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

const optionLike = (v: string): boolean => v.startsWith("-") && !DASH_OK.test(v);

/** null when the name is valid, else what is wrong with it. */
export function attrNameError(name: string): string | null {
  if (name === "") return "the attribute name is empty";
  if (name.length > 256) return "the attribute name is too long (256 characters at most)";
  if (optionLike(name)) return 'the attribute name must not start with "-" (it would look like a command-line option)';
  if (!ATTR_NAME.test(name)) return 'the attribute name may hold letters, digits and . _ : # - (starting with a letter, "_" or "#")';
  return null;
}

/** null when the value is valid, else what is wrong with it. */
export function attrValueError(value: string): string | null {
  if (value.length > 4096) return "the value is too long (4096 characters at most)";
  if (optionLike(value)) return 'the value must not start with "-" unless it is a number or -INFINITY';
  if (CONTROL.test(value)) return "the value must not contain control characters (tabs, new lines)";
  return null;
}
