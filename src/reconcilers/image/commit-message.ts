/**
 * The commit message of an image update: `spec.git.commit.messageTemplate` rendered with Capstan's Go
 * text/template engine and the Sprig functions, or the default message (src/image's defaultCommitMessage)
 * without one.
 *
 * The template's data, close to Flux's (`TemplateData`):
 * - `.AutomationObject`: `{Namespace, Name}`, printing as `namespace/name`;
 * - `.Changed.Changes`: every change, `{OldValue, NewValue, Setter, File, Line, Field, Object}` where Setter is
 *   the marker's policy (`ns:name[:tag|:name|:digest]`) and Object `{Kind, Name, Namespace}` (Kind '' when the
 *   YAML document is not an object);
 * - `.Changed.FileChanges`: file → its changes; `.Changed.Objects`: `Kind/namespace/name` → its changes;
 * - `.Changed.Images` and `.Updated.Images`: the new images `name:tag`; `.Updated.Files`: the changed files.
 * One difference from Flux: there, `FileChanges` maps file → object → changes with the object as a map key;
 * map keys are strings here, so the object is a field of each change instead.
 */
import { Reason } from '../../api/index.ts';
import { defaultCommitMessage, type PolicyValues, type SetterChange } from '../../image/index.ts';
import { TemplateSet, GoStruct, type GoValue } from '../../template/index.ts';
import { sprigFuncs } from '../../template/funcs/index.ts';
import { def } from '../../template/value.ts';
import { ImageReconcileError, messageOf } from './errors.ts';

export interface MessageInput {
  namespace: string;
  name: string;
  /** `spec.git.commit.messageTemplate` */
  template: string | undefined;
  policies: PolicyValues;
}

function struct(typeName: string, fields: Record<string, GoValue>, stringer?: () => string): GoStruct {
  const map = new Map(Object.entries(fields));
  return new GoStruct({
    typeName, fields: map,
    ...(stringer !== undefined ? { methods: { String: { ...def([], 'string', () => stringer()), receiver: 'value' } as ReturnType<typeof def> } } : {}),
    json: () => new Map([...map].map(([k, v]) => [k, v instanceof GoStruct ? v.json() : v])),
  });
}

function changeValue(c: SetterChange): GoStruct {
  const o = c.object;
  return struct('update.Change', {
    OldValue: c.oldValue, NewValue: c.newValue, Setter: c.field === 'image' ? c.policy : `${c.policy}:${c.field}`,
    File: c.file, Line: BigInt(c.line), Field: c.field,
    Object: struct('update.ObjectIdentifier', { Kind: o?.kind ?? '', Name: o?.name ?? '', Namespace: o?.namespace ?? '' }),
  });
}

function grouped(changes: readonly SetterChange[], keyOf: (c: SetterChange) => string): Map<string, GoValue> {
  const out = new Map<string, GoValue[]>();
  for (const c of changes) {
    const k = keyOf(c);
    out.set(k, [...(out.get(k) ?? []), changeValue(c)]);
  }
  return out as Map<string, GoValue>;
}

function images(changes: readonly SetterChange[], policies: PolicyValues): string[] {
  const get = (k: string) => (policies instanceof Map ? policies.get(k) : (policies as Record<string, { image: string; tag: string } | undefined>)[k]);
  return [...new Set(changes.map((c) => get(c.policy)).filter((v) => v !== undefined).map((v) => `${v.image}:${v.tag}`))].sort();
}

/** The template data for `changes`. */
export function templateData(changes: readonly SetterChange[], input: MessageInput): GoStruct {
  const objectKey = (c: SetterChange): string => (c.object ? `${c.object.kind}/${c.object.namespace ?? ''}/${c.object.name}` : '');
  const imgs = images(changes, input.policies);
  const files = [...new Set(changes.map((c) => c.file))].sort();
  return struct('update.TemplateData', {
    AutomationObject: struct('types.NamespacedName', { Namespace: input.namespace, Name: input.name }, () => `${input.namespace}/${input.name}`),
    Changed: struct('update.ResultV2', {
      Changes: changes.map(changeValue),
      FileChanges: grouped(changes, (c) => c.file),
      Objects: grouped(changes.filter((c) => c.object !== undefined), objectKey),
      Images: imgs,
    }),
    Updated: struct('update.Result', { Files: files, Images: imgs }),
    Values: new Map(),
  });
}

/** Checks that the template parses; throws ImageReconcileError(InvalidSpec, terminal). */
export function checkMessageTemplate(template: string, subject: string): void {
  try {
    new TemplateSet(sprigFuncs(), { name: 'messageTemplate' }).parse('messageTemplate', template);
  } catch (e) {
    throw new ImageReconcileError(Reason.InvalidSpec, subject, `spec.git.commit.messageTemplate: ${messageOf(e)}`, { cause: e, terminal: true });
  }
}

/**
 * A function from the changes to the message (as writeBack takes it). Rendering errors throw
 * ImageReconcileError(InvalidSpec, terminal) naming the field.
 */
export function commitMessage(input: MessageInput, subject: string): (changes: readonly SetterChange[]) => string {
  if (input.template === undefined || input.template.trim() === '') {
    return (changes) => defaultCommitMessage(changes, { automation: `${input.namespace}/${input.name}` });
  }
  const template = input.template;
  checkMessageTemplate(template, subject);
  return (changes) => {
    try {
      const t = new TemplateSet(sprigFuncs(), { name: 'messageTemplate' });
      t.parse('messageTemplate', template);
      const out = t.execute('messageTemplate', templateData(changes, input));
      return out.trim() === '' ? defaultCommitMessage(changes, { automation: `${input.namespace}/${input.name}` }) : out;
    } catch (e) {
      throw new ImageReconcileError(Reason.InvalidSpec, subject, `spec.git.commit.messageTemplate: ${messageOf(e)}`, { cause: e, terminal: true });
    }
  };
}
