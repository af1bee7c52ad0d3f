/** The data of a Setters update: policy values in, file edits and change records out. */

/** What an ImagePolicy chose: `image` is the repository without tag (`ImagePolicy.status.latestRef`). */
export interface PolicyValue {
  readonly image: string;
  readonly tag: string;
  /** `sha256:…`, for `:digest` markers and the whole-image form `image:tag@digest` */
  readonly digest?: string | undefined;
}

/** `namespace:name` of an ImagePolicy → its value. */
export type PolicyValues = ReadonlyMap<string, PolicyValue> | Readonly<Record<string, PolicyValue>>;

/** A file under `update.path`, relative to the repository root with `/` separators. */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

/** Which part of the image a marker sets: `ns:name` → image, `ns:name:tag`, `ns:name:name`, `ns:name:digest`. */
export type MarkerField = 'image' | 'tag' | 'name' | 'digest';

/** The Kubernetes object (YAML document) a change is in, when it has `kind` and `metadata.name`. */
export interface ObjectRef {
  readonly apiVersion?: string | undefined;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string | undefined;
}

/** One scalar rewritten. */
export interface SetterChange {
  readonly file: string;
  /** 1-based line and column of the value */
  readonly line: number;
  readonly column: number;
  /** `namespace:name` of the policy */
  readonly policy: string;
  readonly field: MarkerField;
  readonly oldValue: string;
  readonly newValue: string;
  readonly object?: ObjectRef | undefined;
}

/** Something skipped, with where: `file:line[:column]: message`. */
export interface SetterWarning {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface SetterResult {
  /** the files that changed, with their new text */
  readonly files: SourceFile[];
  readonly changes: SetterChange[];
  readonly warnings: SetterWarning[];
}

export function formatWarning(w: SetterWarning): string {
  return `${w.file}:${w.line}:${w.column}: ${w.message}`;
}

export function policyValue(policies: PolicyValues, key: string): PolicyValue | undefined {
  return policies instanceof Map ? policies.get(key) : (policies as Readonly<Record<string, PolicyValue>>)[key];
}
