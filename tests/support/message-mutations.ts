/**
 * Malformed messages for the fuzz tests: a valid message (message-arbitraries.ts) with one field missing,
 * added (prototype keys included), of the wrong type, too long, out of range or deeply nested, or something
 * that is not a message at all. Each variant is invalid by construction, never by asking the schema under test.
 */
import fc from 'fast-check';
import type * as v from 'valibot';
import { MessageSchema, type Message } from '@/utils/messaging/messages';
import { MESSAGE_TYPES, validMessage } from './message-arbitraries';

// The schema introspection below only reads the shape valibot documents for its schema objects.
type AnySchema = v.GenericSchema & {
  entries?: Record<string, AnySchema>;
  wrapped?: AnySchema;
  options?: readonly unknown[];
  literal?: unknown;
  pipe?: readonly { type: string; requirement?: unknown }[];
};

/** The object schema of one message type. */
export function schemaOf(type: string): AnySchema {
  const option = (MessageSchema.options as readonly AnySchema[]).find(
    (o) => o.entries?.type?.literal === type,
  );
  if (!option) throw new Error(`No message type ${type}`);
  return option;
}

/** A field reachable in a message: its path from the root, its schema, and whether it may be absent. */
interface Field {
  path: string[];
  schema: AnySchema;
  optional: boolean;
}

function fieldsOf(schema: AnySchema, value: Record<string, unknown>, path: string[] = []): Field[] {
  const out: Field[] = [];
  for (const [key, entry] of Object.entries(schema.entries ?? {})) {
    const optional = entry.type === 'optional';
    const inner = optional && entry.wrapped ? entry.wrapped : entry;
    out.push({ path: [...path, key], schema: inner, optional });
    const child = value[key];
    if (inner.type === 'strict_object' && child && typeof child === 'object') {
      out.push(...fieldsOf(inner, child as Record<string, unknown>, [...path, key]));
    }
  }
  return out;
}

const notString = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { minLength: 1, maxLength: 3 }),
  fc.dictionary(fc.string(), fc.string(), { minKeys: 1, maxKeys: 3 }),
);
const notNumber = fc.oneof(
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.bigInt(),
  fc.array(fc.integer(), { minLength: 1, maxLength: 3 }),
  fc.constant({ valueOf: 1 }),
);

/** A value the field's schema rejects because of its JavaScript type (or, for picklists, its value). */
function wrongType(field: Field): fc.Arbitrary<unknown> {
  const { schema } = field;
  switch (schema.type) {
    case 'string':
      return notString;
    case 'number':
      return notNumber;
    case 'picklist':
    case 'literal': {
      const allowed = new Set<unknown>(schema.options ?? [schema.literal, ...MESSAGE_TYPES]);
      return fc.oneof(
        fc.string().filter((s) => !allowed.has(s)),
        fc.constantFrom(...[...allowed].map((s) => String(s).toUpperCase() + ' ')),
        notString,
      );
    }
    case 'array':
      return fc.oneof(
        fc.string(),
        fc.integer(),
        fc.constant(null),
        fc.constant({ 0: 'a', length: 1 }),
        fc.array(fc.oneof(fc.integer(), fc.constant(null), fc.constant({})), { minLength: 1 }),
      );
    default:
      // Objects and nullable picklists: none of these is an object or a picklist value.
      return fc.oneof(fc.integer(), fc.boolean(), fc.constant([]));
  }
}

/** A value of the right type that breaks one of the field's limits, when it has any. */
function outOfRange(field: Field): fc.Arbitrary<unknown> | null {
  const actions = field.schema.pipe ?? [];
  const max = actions.find((a) => a.type === 'max_length')?.requirement;
  const min = actions.find((a) => a.type === 'min_value')?.requirement;
  const maxValue = actions.find((a) => a.type === 'max_value')?.requirement;
  if (field.schema.type === 'string' && typeof max === 'number') {
    return fc.constant('x'.repeat(max + 1));
  }
  if (field.schema.type === 'array' && typeof max === 'number') {
    return fc.constant(Array.from({ length: max + 1 }, () => 'tag'));
  }
  if (field.schema.type === 'number') {
    const bad: unknown[] = [Number.NaN, Infinity, -Infinity, 0.5];
    if (typeof min === 'number') bad.push(min - 1);
    if (typeof maxValue === 'number') bad.push(maxValue + 1);
    return fc.constantFrom(...bad);
  }
  return null;
}

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { type: 'note/save', value };
  return value;
}

/** Sets `obj[path] = value` on a deep copy, as an own enumerable property even for "__proto__". */
function withField(message: object, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(message) as Record<string, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  Object.defineProperty(target, path.at(-1)!, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

function withoutField(message: object, path: string[]): Record<string, unknown> {
  const copy = structuredClone(message) as Record<string, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  delete target[path.at(-1)!];
  return copy;
}

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'then'];

/** A malformed variant of `message`, with the name of the mutation (for failure reports). */
function mutate(message: Message): fc.Arbitrary<{ mutation: string; raw: unknown }> {
  const fields = fieldsOf(schemaOf(message.type), message as unknown as Record<string, unknown>);
  const present = fields.filter((f) => hasPath(message, f.path));
  const required = present.filter((f) => !f.optional);
  const containers = [[], ...fields.filter((f) => f.schema.type === 'strict_object')]
    .map((f) => (Array.isArray(f) ? f : f.path))
    .filter((p) => p.length === 0 || hasPath(message, p));
  const pick = <T>(items: T[]) => fc.constantFrom(...items);
  const options: fc.Arbitrary<{ mutation: string; raw: unknown }>[] = [
    pick(required).map((f) => ({
      mutation: `missing ${f.path.join('.')}`,
      raw: withoutField(message, f.path),
    })),
    pick(present).chain((f) =>
      wrongType(f).map((value) => ({
        mutation: `wrong type at ${f.path.join('.')}`,
        raw: withField(message, f.path, value),
      })),
    ),
    fc
      .tuple(
        pick(containers),
        fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ minLength: 1, maxLength: 12 })),
        fc.jsonValue(),
      )
      .filter(([path, key]) => !fields.some((f) => f.path.join('\0') === [...path, key].join('\0')))
      .map(([path, key, value]) => ({
        mutation: `extra key ${JSON.stringify(key)} at ${path.join('.') || 'root'}`,
        raw: withField(message, [...path, key], value),
      })),
    pick(present).map((f) => ({
      mutation: `deeply nested value at ${f.path.join('.')}`,
      raw: withField(message, f.path, nested(2000)),
    })),
  ];
  const ranged = present.flatMap((f) => {
    const arb = outOfRange(f);
    return arb
      ? [
          arb.map((value) => ({
            mutation: `out of range at ${f.path.join('.')}`,
            raw: withField(message, f.path, value),
          })),
        ]
      : [];
  });
  if (ranged.length > 0) options.push(fc.oneof(...ranged));
  if (message.type === 'highlight/add') {
    options.push(
      fc.constant({
        mutation: 'end not after start',
        raw: { ...message, end: message.start },
      }),
    );
  }
  return fc.oneof(...options);
}

function hasPath(value: unknown, path: string[]): boolean {
  let target = value;
  for (const key of path) {
    if (!target || typeof target !== 'object' || !Object.hasOwn(target, key)) return false;
    target = (target as Record<string, unknown>)[key];
  }
  return true;
}

/** Inputs that are not a message object at all: primitives, arrays, unknown types, JSON junk. */
const notAMessage = fc
  .oneof(
    fc.constantFrom(null, undefined, 0, '', 'note/save', true, [], {}),
    fc.array(validMessage, { minLength: 1, maxLength: 2 }),
    fc
      .string()
      .map((type) => ({ type }))
      .filter(({ type }) => !MESSAGE_TYPES.includes(type)),
    fc
      .jsonValue()
      .filter(
        (value) =>
          !value ||
          typeof value !== 'object' ||
          !MESSAGE_TYPES.includes((value as { type?: unknown }).type as string),
      ),
  )
  .map((raw) => ({ mutation: 'not a message', raw }));

/** A malformed message: a mutated valid one, or something that is not a message at all. */
export const malformedMessage = fc.oneof(
  { arbitrary: validMessage.chain(mutate), weight: 5 },
  { arbitrary: notAMessage, weight: 1 },
);
