/**
 * Every Promise is awaited, returned or handed on: a database call left floating inside write(fn)
 * would run after its transaction ended on PostgreSQL (and silently never on a closed pool). The type
 * checker does not catch it, so `npm test` runs this over app/, lib/, db/ and scripts/.
 * An intentionally detached call says so with `void` (e.g. `void main()`).
 * Usage: npx tsx scripts/check/floating-promises.ts
 */
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname, '..', '..');
const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
const program = ts.createProgram(config.fileNames, config.options);
const checker = program.getTypeChecker();

function isPromiseLike(type: ts.Type): boolean {
  if (type.isUnion()) return type.types.some(isPromiseLike);
  const then = type.getProperty('then');
  return then !== undefined && (type.symbol?.name === 'Promise' || checker.getTypeOfSymbol(then).getCallSignatures().length > 0);
}

/** `p.catch(…)` and `p.then(ok, failed)` deal with the rejection themselves. */
function isHandled(expr: ts.Expression): boolean {
  if (!ts.isCallExpression(expr) || !ts.isPropertyAccessExpression(expr.expression)) return false;
  const name = expr.expression.name.text;
  return name === 'catch' || (name === 'then' && expr.arguments.length === 2);
}

const found: string[] = [];
for (const file of program.getSourceFiles()) {
  const rel = path.relative(root, file.fileName);
  if (rel.startsWith('node_modules') || rel.startsWith('..') || file.isDeclarationFile) continue;
  const visit = (node: ts.Node): void => {
    if (ts.isExpressionStatement(node)) {
      let expr = node.expression;
      while (ts.isParenthesizedExpression(expr)) expr = expr.expression;
      const isCall = ts.isCallExpression(expr) || ts.isNewExpression(expr);
      if (isCall && !isHandled(expr) && isPromiseLike(checker.getTypeAtLocation(expr))) {
        const { line } = file.getLineAndCharacterOfPosition(node.getStart());
        found.push(`${rel}:${line + 1}: ${node.getText().split('\n')[0]!.slice(0, 100)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
}

if (found.length > 0) {
  console.error(`未等待的 Promise（${found.length} 处）：await、return，或确属有意时写 void：\n  ${found.join('\n  ')}`);
  process.exit(1);
}
console.log('没有未等待的 Promise。');
