import {
  IfTag,
  LiquidError,
  Output,
  RenderError,
  toValue,
  toValueSync,
  TypeGuards,
  UndefinedVariableError,
  UnlessTag,
  evalToken,
  isFalsy,
  isTruthy,
  type Context,
  type Emitter,
  type Liquid,
  type Template,
} from 'liquidjs';

/*
 * liquidjs renders through generators (so one code path serves sync and async filters): every
 * output, property and filter of every loop pass is a generator run by a driver, which made
 * them most of a 10,000-entry render. This renders the same parsed template the same way
 * without them when rendering synchronously: text, outputs, filters, property reads, `if` and
 * `unless` are run here directly, with liquidjs's own helpers, limits and errors; every other
 * tag (`for`, `case`, `assign` …) still runs as liquidjs runs it, its body coming back here.
 * The language, its sandbox and its output are unchanged: only the driver is.
 */

type Value = Output['value'];
type Token = Value['initial']['postfix'][number];
type Filter = Value['filters'][number];
type Step = (ctx: Context, emitter: Emitter) => void;
type Evaluate = (ctx: Context) => unknown;

/** What liquidjs's Context does that its type does not show. */
interface ContextInternals {
  findScope(key: string): unknown;
  readProperty(scope: unknown, key: unknown): unknown;
  renderLimit: { check(now: number): void };
}

const BINARY = new Set(['==', '!=', '>', '<', '>=', '<=', 'contains', 'and', 'or']);

/** `a.b["c"]`: a read with fixed keys, as evalPropertyAccessToken reads it. */
function propertyRead(token: Token): Evaluate | undefined {
  if (!TypeGuards.isPropertyAccessToken(token) || token.variable) return undefined;
  const keys: unknown[] = [];
  for (const prop of token.props) {
    if (!('content' in prop)) return undefined;
    keys.push(toValue(prop.content));
  }
  if (typeof keys[0] !== 'string') return undefined;
  const first = keys[0];
  return (ctx) => {
    const context = ctx as unknown as ContextInternals;
    try {
      let scope = context.findScope(first);
      for (const key of keys) scope = toValueSync(context.readProperty(scope, key));
      return scope;
    } catch (error) {
      throw new UndefinedVariableError(error as Error, token);
    }
  };
}

/** One operand, as evalToken gives it (drops kept). */
function operand(token: Token): Evaluate {
  if ('content' in token) {
    const content = token.content;
    return () => content;
  }
  return propertyRead(token) ?? ((ctx) => toValueSync(evalToken(token, ctx)));
}

/** An expression's postfix form run on a stack, as Expression.evaluate runs it. */
function expression(expr: Value['initial']): Evaluate {
  const postfix = expr.postfix;
  if (postfix.length === 1 && !TypeGuards.isOperatorToken(postfix[0]!)) return operand(postfix[0]!);
  const known = postfix.every((token) => !TypeGuards.isOperatorToken(token) || BINARY.has(token.operator) || token.operator === 'not');
  if (!known) return (ctx) => toValueSync(expr.evaluate(ctx, false));
  const steps = postfix.map((token) => (TypeGuards.isOperatorToken(token) ? token.operator : operand(token)));
  return (ctx) => {
    const operators = ctx.opts.operators as Record<string, (...args: unknown[]) => unknown>;
    const stack: unknown[] = [];
    for (const step of steps) {
      if (typeof step !== 'string') {
        stack.push(step(ctx));
        continue;
      }
      const right = stack.pop();
      stack.push(toValueSync(step === 'not' ? operators[step]!(right, ctx) : operators[step]!(stack.pop(), right, ctx)));
    }
    return stack[0];
  };
}

/** What liquidjs's Filter keeps private. */
interface FilterInternals {
  handler: (...args: unknown[]) => unknown;
  token: unknown;
  liquid: Liquid;
}

/** A filter's arguments and handler, as Filter.render calls it. */
function filter(f: Filter): (value: unknown, ctx: Context) => unknown {
  const { handler, token, liquid } = f as unknown as FilterInternals;
  const args = f.args.map((arg) =>
    Array.isArray(arg) ? { key: arg[0] as string, value: arg[1] ? operand(arg[1]) : () => undefined } : { value: operand(arg) },
  );
  return (value, ctx) => {
    const argv: unknown[] = [value];
    for (const arg of args) argv.push(arg.key === undefined ? arg.value(ctx) : [arg.key, arg.value(ctx)]);
    return toValueSync(handler.apply({ context: ctx, token, liquid }, argv));
  };
}

/** A value and its filters, as Value.value computes it. */
function value(v: Value): Evaluate {
  const initial = expression(v.initial);
  const filters = v.filters.map(filter);
  if (filters.length === 0) return initial;
  return (ctx) => {
    let result = initial(ctx);
    for (const apply of filters) result = apply(result, ctx);
    return result;
  };
}

function branches(list: { value: Value; templates: Template[]; test?: typeof isTruthy }[], otherwise: Template[] | undefined): Step {
  const compiled = list.map((branch) => ({ value: value(branch.value), test: branch.test ?? isTruthy, templates: branch.templates }));
  const rest = otherwise ?? [];
  return (ctx, emitter) => {
    for (const branch of compiled) {
      if (branch.test(toValue(branch.value(ctx)), ctx)) {
        renderList(branch.templates, ctx, emitter);
        return;
      }
    }
    renderList(rest, ctx, emitter);
  };
}

/** liquidjs's class for the text between tags, which it does not export. */
let TextTemplate: (abstract new (...args: never[]) => Template) | undefined;
const compiled = new WeakMap<Template, Step>();

function compile(template: Template): Step {
  if (TextTemplate && template instanceof TextTemplate) {
    const text = (template as unknown as { str: string }).str;
    return (_ctx, emitter) => emitter.write(text);
  }
  if (template instanceof Output) {
    const evaluate = value(template.value);
    return (ctx, emitter) => emitter.write(toValue(evaluate(ctx)));
  }
  if (template instanceof IfTag) return branches(template.branches, template.elseTemplates);
  if (template instanceof UnlessTag) {
    const tag = template as unknown as { branches: { value: Value; templates: Template[]; test: typeof isFalsy }[]; elseTemplates: Template[] };
    return branches(tag.branches, tag.elseTemplates);
  }
  return (ctx, emitter) => {
    const html = toValueSync(template.render(ctx, emitter));
    if (html) emitter.write(html);
  };
}

/** Render.renderTemplates without generators: the same limit checks, the same errors. */
function renderList(templates: Template[], ctx: Context, emitter: Emitter): string {
  const limit = (ctx as unknown as ContextInternals).renderLimit;
  limit.check(performance.now());
  for (const template of templates) {
    limit.check(performance.now());
    try {
      let step = compiled.get(template);
      if (!step) compiled.set(template, (step = compile(template)));
      step(ctx, emitter);
      if (ctx.breakCalled || ctx.continueCalled) break;
    } catch (error) {
      throw LiquidError.is(error) ? error : new RenderError(error as Error, template);
    }
  }
  return emitter.buffer;
}

/** Makes `engine` render synchronous renders as above; asynchronous ones stay liquidjs's own. */
export function renderWithoutGenerators(engine: Liquid): void {
  TextTemplate ??= (engine.parse('text')[0] as object).constructor as unknown as typeof TextTemplate;
  const renderer = engine.renderer as unknown as { renderTemplates: (templates: Template[], ctx: Context, emitter?: Emitter) => unknown };
  const generic = renderer.renderTemplates.bind(renderer);
  renderer.renderTemplates = (templates, ctx, emitter) => {
    // The first call makes the emitter; the options below change what the steps above do.
    if (!emitter || !ctx.sync || ctx.strictVariables || ctx.opts.catchAllErrors || ctx.opts.keepOutputType) return generic(templates, ctx, emitter);
    return renderList(templates, ctx, emitter);
  };
}
