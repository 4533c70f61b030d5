/**
 * The rule profile's 项目编码 pattern: a safe subset of regular expressions, matched by our own
 * set-of-positions matcher in time proportional to (pattern length × code length), never by
 * backtracking. A free-form RegExp with nested quantifiers (`^([0-9A-Z]+)+$`) took 0.66 s on a
 * 27-character code and doubled with each further character, synchronously, on every view and save.
 *
 * The subset: characters, escaped characters, `.`, `\d \D \w \W`, classes `[…]`, each optionally
 * followed by one of `? * + {n} {n,} {n,m}` (a trailing `?` for laziness is allowed and changes
 * nothing here); `^` at the start and `$` at the end of a branch; `|` between branches; and groups
 * `( … | … )` or `(?: … )` of such sequences, without a repeat after the group and without a group
 * inside. For every pattern it accepts, matching gives what `new RegExp(pattern).test(code)` gives.
 */

/** Codes are at most 40 characters (LIMITS.codeLength); anything far longer is no code and matches nothing. */
const MAX_INPUT = 200;
const MAX_REPEAT = 1000;
/** As the profile schema allows; a longer stored pattern is not run at all. */
export const MAX_PATTERN = 200;

type Atom = { test: (c: string) => boolean; min: number; max: number };
type Sequence = Atom[];
type Element = { kind: 'atom'; atom: Atom } | { kind: 'group'; alternatives: Sequence[] };
type Branch = { isStart: boolean; isEnd: boolean; elements: Element[] };

export type CodeMatcher = (code: string) => boolean;

class PatternProblem extends Error {}

const SUPPORTED = '编码格式只能由字符、字符类 […]、\\d、\\w、.、重复（? * + {n} {n,m}）、开头 ^、结尾 $、| 和不再重复的括号组成';

function unsupported(what: string): PatternProblem {
  return new PatternProblem(`不支持${what}：${SUPPORTED}`);
}

/** A one-character test built from the atom's own source, so it means exactly what it means in a RegExp. */
function charTest(source: string): (c: string) => boolean {
  const re = new RegExp(`^(?:${source})$`);
  return (c) => re.test(c);
}

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): Branch[] {
    const branches: Branch[] = [this.branch()];
    while (this.peek() === '|') {
      this.i++;
      branches.push(this.branch());
    }
    if (this.i < this.s.length) throw unsupported(`“${this.peek()}”出现在这里`);
    return branches;
  }

  private peek(offset = 0): string | undefined {
    return this.s[this.i + offset];
  }

  private branch(): Branch {
    const isStart = this.peek() === '^';
    if (isStart) this.i++;
    const elements: Element[] = [];
    for (;;) {
      const c = this.peek();
      if (c === undefined || c === '|') return { isStart, isEnd: false, elements };
      if (c === '$') {
        this.i++;
        const next = this.peek();
        if (next !== undefined && next !== '|') throw unsupported('“$”出现在中间（只能放在结尾）');
        return { isStart, isEnd: true, elements };
      }
      if (c === '^') throw unsupported('“^”出现在中间（只能放在开头）');
      if (c === '(') elements.push(this.group());
      else elements.push({ kind: 'atom', atom: this.quantified() });
    }
  }

  private group(): Element {
    const rest = this.s.slice(this.i);
    if (/^\(\?[=!]|^\(\?<[=!]/.test(rest)) throw new PatternProblem('不支持前瞻、后顾（(?= (?! (?<= (?<!）：编码格式只描述编码本身的字符');
    if (/^\(\?</.test(rest)) throw unsupported('命名分组 (?<名称>…)');
    this.i += rest.startsWith('(?:') ? 3 : 1;
    const alternatives: Sequence[] = [this.sequence()];
    while (this.peek() === '|') {
      this.i++;
      alternatives.push(this.sequence());
    }
    if (this.peek() !== ')') throw unsupported('括号里的“^”“$”或未闭合的括号');
    this.i++;
    if (this.isQuantifierNext()) {
      throw new PatternProblem('括号后面不能再加重复（+ * ? {n}）：像 ^([0-9A-Z]+)+$ 这样的嵌套重复会让检查一个编码耗时数小时，请直接写成 ^[0-9A-Z]+$');
    }
    return { kind: 'group', alternatives };
  }

  private sequence(): Sequence {
    const atoms: Sequence = [];
    for (;;) {
      const c = this.peek();
      if (c === undefined || c === '|' || c === ')') return atoms;
      if (c === '(') throw unsupported('括号里再套括号');
      if (c === '^' || c === '$') throw unsupported('括号里的“^”“$”');
      atoms.push(this.quantified());
    }
  }

  private isQuantifierNext(): boolean {
    const c = this.peek();
    return c === '?' || c === '*' || c === '+' || (c === '{' && /^\{\d+(,\d*)?\}/.test(this.s.slice(this.i)));
  }

  private quantified(): Atom {
    const test = charTest(this.atomSource());
    let min = 1;
    let max = 1;
    const c = this.peek();
    if (c === '?' || c === '*' || c === '+') {
      this.i++;
      [min, max] = c === '?' ? [0, 1] : c === '*' ? [0, Infinity] : [1, Infinity];
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(this.i));
      if (!m) throw unsupported('单独的“{”（请写成 \\{）');
      this.i += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      if (min > MAX_REPEAT || (max !== Infinity && max > MAX_REPEAT)) throw new PatternProblem(`重复次数不能超过 ${MAX_REPEAT}`);
    }
    if (min !== 1 || max !== 1) {
      if (this.peek() === '?') this.i++; // lazy: the same set of matches
      if (this.isQuantifierNext()) throw new PatternProblem('重复后面不能再加重复（如 a++、a{2}*）');
    }
    return { test, min, max };
  }

  /** The source of one atom: a character, an escape or a class. */
  private atomSource(): string {
    const c = this.peek()!;
    if (c === '\\') {
      const e = this.peek(1);
      if (e === undefined) throw unsupported('结尾的“\\”');
      if (/[1-9]/.test(e) || e === 'k') throw new PatternProblem('不支持反向引用（\\1、\\k<…> 等）：它让检查无法在确定的时间内完成');
      if (/[dDwW]/.test(e) || /[^0-9A-Za-z]/.test(e)) {
        this.i += 2;
        return `\\${e}`;
      }
      throw unsupported(`“\\${e}”`);
    }
    if (c === '[') return this.classSource();
    if (c === '.') {
      this.i++;
      return '.';
    }
    if ('?*+{}])'.includes(c)) throw unsupported(`这里的“${c}”（前面没有可重复的字符；作为字符请写成 \\${c}）`);
    this.i++;
    return c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
  }

  private classSource(): string {
    const start = this.i;
    this.i++;
    if (this.peek() === '^') this.i++;
    for (;;) {
      const c = this.peek();
      if (c === undefined) throw unsupported('未闭合的“[”');
      // As in a RegExp, the first `]` closes the class (`[]` is empty, `[^]` any character).
      if (c === ']') break;
      if (c === '[') throw unsupported('字符类里的“[”（请写成 \\[）');
      if (c === '\\') {
        const e = this.peek(1);
        if (e === undefined || /[0-9bBcxuk]/.test(e)) throw unsupported(`字符类里的“\\${e ?? ''}”`);
        this.i += 2;
      } else {
        this.i++;
      }
    }
    this.i++;
    return this.s.slice(start, this.i);
  }
}

/**
 * The positions reachable after `atom` from any position in `from`: from p, every p + k with
 * min ≤ k ≤ max where the k characters after p all match. `run[p]` (how many do, counted once from the
 * end) and a difference array make this linear in the code's length.
 */
function positionsAfter(atom: Atom, code: string, from: boolean[]): boolean[] {
  const n = code.length;
  const run = new Array<number>(n + 1).fill(0);
  for (let i = n - 1; i >= 0; i--) run[i] = atom.test(code[i]!) ? run[i + 1]! + 1 : 0;
  const change = new Array<number>(n + 2).fill(0);
  for (let p = 0; p <= n; p++) {
    const longest = Math.min(atom.max, run[p]!);
    if (!from[p] || longest < atom.min) continue;
    change[p + atom.min]!++;
    change[p + longest + 1]!--;
  }
  const out = new Array<boolean>(n + 1);
  let open = 0;
  for (let i = 0; i <= n; i++) {
    open += change[i]!;
    out[i] = open > 0;
  }
  return out;
}

function afterSequence(seq: Sequence, code: string, from: boolean[]): boolean[] {
  return seq.reduce((s, atom) => positionsAfter(atom, code, s), from);
}

function matchesBranch(branch: Branch, code: string): boolean {
  const n = code.length;
  let s = Array.from({ length: n + 1 }, (_, p) => !branch.isStart || p === 0);
  for (const el of branch.elements) {
    if (el.kind === 'atom') {
      s = positionsAfter(el.atom, code, s);
    } else {
      const from = s;
      const ends = el.alternatives.map((seq) => afterSequence(seq, code, from));
      s = from.map((_, p) => ends.some((e) => e[p]));
    }
  }
  return branch.isEnd ? s[n]! : s.some(Boolean);
}

function parsed(pattern: string): Branch[] {
  if (pattern.length > MAX_PATTERN) throw new PatternProblem(`项目编码格式不能超过 ${MAX_PATTERN} 个字符`);
  try {
    new RegExp(pattern);
  } catch {
    throw new PatternProblem('不是有效的正则表达式');
  }
  return new Parser(pattern).parse();
}

/** Why `pattern` cannot be a rule profile's code pattern (Chinese, for the administrator), or null. */
export function codePatternProblem(pattern: string): string | null {
  try {
    parsed(pattern);
    return null;
  } catch (error) {
    if (error instanceof PatternProblem) return error.message;
    throw error;
  }
}

/** The matcher for an accepted pattern, or null for one that is not (a stored pattern from before the subset). */
export function compileCodePattern(pattern: string): CodeMatcher | null {
  let branches: Branch[];
  try {
    branches = parsed(pattern);
  } catch (error) {
    if (error instanceof PatternProblem) return null;
    throw error;
  }
  return (code) => code.length <= MAX_INPUT && branches.some((b) => matchesBranch(b, code));
}
