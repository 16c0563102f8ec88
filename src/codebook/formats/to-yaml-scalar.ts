/** Characters a plain (unquoted) scalar may hold here: letters, digits and harmless punctuation. */
const PLAIN = /^[\p{L}\p{N}][\p{L}\p{N}\p{M} _.'+\-*?/&()=<>!%$@~^]*$/u;
/** Plain text that a YAML 1.1 or 1.2 reader would turn into a boolean, null, number or date. */
const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n|~)$/iu;
const NUMERIC = /^(?:[-+]?(?:\d[\d_]*)?\.?\d*(?:[eE][-+]?\d+)?|0[xob][\da-f_]+|[-+]?\.(?:inf|nan)|\d{4}-\d\d?-\d\d?.*)$/iu;

/**
 * A string as a YAML scalar, for keys and values alike (also inside `[...]`): plain when that is
 * unambiguous, otherwise double-quoted with JSON escapes (JSON strings are valid YAML).
 */
export function toYamlScalar(value: string): string {
  const plain = PLAIN.test(value) && !/ $/u.test(value) && !RESERVED.test(value) && !NUMERIC.test(value);
  return plain ? value : JSON.stringify(value);
}
