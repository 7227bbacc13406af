// Finds syntax newer than ES2017 in a bundle: k6 before v0.53 runs ES modules through a Babel that
// cannot parse it. TypeScript's parser reads any syntax, so the check itself never chokes.
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
  return file.statements.filter(ts.isImportDeclaration).map((s) => (s.moduleSpecifier as ts.StringLiteral).text);
}
