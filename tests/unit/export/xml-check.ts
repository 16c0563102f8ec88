/** One element of a parsed XML document (enough for structure checks in tests). */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/**
 * A strict little XML 1.0 reader for tests: one root, every start tag closed in order, attributes
 * quoted and unique, only the five predefined entities and numeric references. Throws on anything
 * not well-formed; it is not a validating parser.
 */
export function parseXml(xml: string): XmlElement {
  let i = 0;
  const fail = (message: string): never => {
    throw new Error(`${message} at offset ${i}: ${JSON.stringify(xml.slice(i, i + 40))}`);
  };
  const decode = (raw: string) => {
    if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(raw)) fail('bad entity');
    if (raw.includes('<')) fail('raw < in text');
    return raw
      .replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!)
      .replace(/&#(x?)([0-9a-fA-F]+);/g, (_, x: string, n: string) => String.fromCodePoint(parseInt(n, x ? 16 : 10)));
  };
  if (xml.startsWith('<?xml')) i = xml.indexOf('?>') + 2;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    if (stack.length === 0 && text.trim() !== '') fail('text outside the root');
    if (stack.length > 0) stack[stack.length - 1]!.text += decode(text);
    if (lt === -1) break;
    i = lt;
    if (xml.startsWith('</', i)) {
      const match = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(xml.slice(i));
      if (!match) fail('bad end tag');
      const open = stack.pop();
      if (!open || open.name !== match![1]) fail(`end tag </${match![1]}> does not close <${open?.name}>`);
      i += match![0].length;
      continue;
    }
    const match = /^<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(xml.slice(i));
    if (!match) fail('bad start tag');
    const element: XmlElement = { name: match![1]!, attributes: {}, children: [], text: '' };
    for (const attribute of match![2]!.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      if (attribute[1]! in element.attributes) fail(`duplicate attribute ${attribute[1]}`);
      element.attributes[attribute[1]!] = decode(attribute[2] ?? attribute[3] ?? '');
    }
    if (stack.length > 0) stack[stack.length - 1]!.children.push(element);
    else if (root) fail('second root element');
    else root = element;
    if (match![3] !== '/') stack.push(element);
    i += match![0].length;
  }
  if (stack.length > 0 || !root) fail('unclosed elements');
  return root!;
}

export function* walk(element: XmlElement): Generator<XmlElement> {
  yield element;
  for (const child of element.children) yield* walk(child);
}
