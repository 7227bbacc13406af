// Static checks of a k6 bundle that need no k6: syntax newer than ES2017 (k6 before v0.53 runs ES modules
// through a Babel that cannot parse it) and regular expressions k6 v0.49's goja rejects. TypeScript's
// parser reads any syntax, so the checks themselves never choke. A tripwire only: the proof that a
// bundle loads is `k6 inspect` and `k6 run` on a real k6 (load/k6/bundles.test.ts).
import ts from 'typescript';

const NEWER: [string, (node: ts.Node) => boolean][] = [
  ['optional chaining ?.', (n) => n.kind === ts.SyntaxKind.QuestionDotToken],
  [
    'nullish coalescing ??',
    (n) => n.kind === ts.SyntaxKind.QuestionQuestionToken || n.kind === ts.SyntaxKind.QuestionQuestionEqualsToken,
  ],
  [
    'logical assignment',
    (n) => n.kind === ts.SyntaxKind.BarBarEqualsToken || n.kind === ts.SyntaxKind.AmpersandAmpersandEqualsToken,
  ],
  ['object spread', (n) => ts.isSpreadAssignment(n)],
  [
    'object rest',
    (n) => ts.isBindingElement(n) && n.dotDotDotToken !== undefined && ts.isObjectBindingPattern(n.parent),
  ],
  ['class field', (n) => ts.isPropertyDeclaration(n)],
  ['private name #x', (n) => ts.isPrivateIdentifier(n)],
  ['optional catch binding', (n) => ts.isCatchClause(n) && n.variableDeclaration === undefined],
  ['for await', (n) => ts.isForOfStatement(n) && n.awaitModifier !== undefined],
  ['bigint literal', (n) => ts.isBigIntLiteral(n)],
  ['numeric separator', (n) => ts.isNumericLiteral(n) && n.getText().includes('_')],
];

export function syntaxNewerThanEs2017(source: string, fileName = 'bundle.js'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found = new Set<string>();
  const visit = (node: ts.Node): void => {
    for (const [name, test] of NEWER)
      if (test(node)) found.add(`${name} at line ${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return [...found];
}

/** Module specifiers of the bundle's import declarations. */
export function importedModules(source: string): string[] {
  const file = ts.createSourceFile('bundle.js', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const imported = file.statements
    .filter(ts.isImportDeclaration)
    .map((s) => (s.moduleSpecifier as ts.StringLiteral).text);
  // A CommonJS bundle's require("...") calls, wherever they stand.
  const required: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'require' &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    )
      required.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return [...imported, ...required];
}

/**
 * Regular expressions k6 v0.49 refuses to compile (seen on k6 v0.49.0 with `k6 inspect`): goja compiles a
 * pattern with Go's RE2 when it can and falls back to regexp2 for what RE2 lacks (lookaround,
 * backreferences); regexp2 cannot parse `\u{...}` escapes, so a pattern with both fails the whole
 * bundle at load ("Invalid regular expression (regexp2) ... range in reverse order"). Flags other than
 * g, i, m, u, y (e.g. s, d) are rejected too. Checks regex literals and `new RegExp('literal', 'flags')`.
 */
export function regexpsGojaRejects(source: string, fileName = 'bundle.js'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found: string[] = [];
  const judge = (node: ts.Node, pattern: string, flags: string) => {
    const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    const problem = gojaProblem(pattern, flags);
    if (problem)
      found.push(`line ${line}: ${problem}: /${pattern.slice(0, 60)}${pattern.length > 60 ? '…' : ''}/${flags}`);
  };
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const text = node.getText();
      const end = text.lastIndexOf('/');
      judge(node, text.slice(1, end), text.slice(end + 1));
    } else if (ts.isNewExpression(node) && node.expression.getText() === 'RegExp') {
      const [pattern, flags] = node.arguments ?? [];
      if (pattern && ts.isStringLiteralLike(pattern))
        judge(node, pattern.text, flags && ts.isStringLiteralLike(flags) ? flags.text : '');
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function gojaProblem(pattern: string, flags: string): string | null {
  const badFlags = flags.replace(/[gimuy]/g, '');
  if (badFlags) return `flag ${badFlags} (goja knows g, i, m, u, y)`;
  const lookaround = /\((?:\?[=!]|\?<[=!])/.test(pattern);
  const backreference = /\\(?:[1-9]|k<)/.test(pattern);
  if ((lookaround || backreference) && /\\u\{/.test(pattern))
    return '\\u{...} in a pattern only regexp2 can run (lookaround or backreference); k6 v0.49 rejects it';
  return null;
}
