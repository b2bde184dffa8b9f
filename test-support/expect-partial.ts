/**
 * Partial comparison for fixture expectations: an expected.json names only the
 * fields it asserts. Objects match key by key; arrays match exactly, unless the
 * expectation is `{"$contains": [...]}` (each item present), `{"$length": n}`
 * or `{"$minLength": n}`; `{"$startsWith": "..."}` checks a string prefix.
 */

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function special(actual: unknown, exp: Record<string, unknown>, path: string, errors: string[]): boolean {
  if ("$contains" in exp) {
    const items = Array.isArray(exp.$contains) ? exp.$contains : [];
    const arr = Array.isArray(actual) ? actual : [];
    for (const item of items) {
      const found = arr.some((a) => (isPlainObject(item) ? partialErrors(a, item).length === 0 : equal(a, item)));
      if (!found) errors.push(`${path}: missing ${JSON.stringify(item)} in ${JSON.stringify(actual)?.slice(0, 300)}`);
    }
  }
  if ("$length" in exp && (!Array.isArray(actual) || actual.length !== exp.$length)) {
    errors.push(`${path}: length ${Array.isArray(actual) ? actual.length : "n/a"} ≠ ${String(exp.$length)}`);
  }
  if ("$minLength" in exp && (!Array.isArray(actual) || actual.length < Number(exp.$minLength))) {
    errors.push(`${path}: length ${Array.isArray(actual) ? actual.length : "n/a"} < ${String(exp.$minLength)}`);
  }
  if ("$startsWith" in exp && !(typeof actual === "string" && actual.startsWith(String(exp.$startsWith)))) {
    errors.push(
      `${path}: ${JSON.stringify(actual)?.slice(0, 200)} does not start with ${JSON.stringify(exp.$startsWith)}`,
    );
  }
  return Object.keys(exp).some((k) => k.startsWith("$"));
}

export function partialErrors(actual: unknown, expected: unknown, path = "", errors: string[] = []): string[] {
  if (isPlainObject(expected)) {
    if (special(actual, expected, path, errors)) return errors;
    if (!isPlainObject(actual)) {
      errors.push(`${path || "."}: expected an object, got ${JSON.stringify(actual)?.slice(0, 200)}`);
      return errors;
    }
    for (const [k, v] of Object.entries(expected)) partialErrors(actual[k], v, path ? `${path}.${k}` : k, errors);
    return errors;
  }
  // An absent field is `undefined` in an adapter patch and `null` in a listing: both mean unknown.
  const a = actual === undefined ? null : actual;
  if (!equal(a, expected)) {
    errors.push(
      `${path}: got ${JSON.stringify(a)?.slice(0, 300)}, expected ${JSON.stringify(expected)?.slice(0, 300)}`,
    );
  }
  return errors;
}
