/**
 * The default commit message of an image update, in the spirit of Flux's documented template: a subject, the
 * automation, then each changed file with its changes (object, old → new, policy). Custom Go-template messages
 * (`spec.git.commit.messageTemplate`) are rendered by the reconciler, which may use the template layer; it
 * passes the result as `message`.
 */
import type { SetterChange } from './types.ts';

export const DEFAULT_SUBJECT = 'Update from image update automation';

export interface CommitMessageOptions {
  /** `namespace/name` of the ImageUpdateAutomation */
  readonly automation?: string | undefined;
  readonly subject?: string | undefined;
}

function objectText(c: SetterChange): string {
  if (c.object === undefined) return '';
  return ` ${c.object.kind} ${c.object.namespace !== undefined ? `${c.object.namespace}/` : ''}${c.object.name}`;
}

/** The message for a set of changes. */
export function defaultCommitMessage(changes: readonly SetterChange[], opts: CommitMessageOptions = {}): string {
  const lines = [opts.subject ?? DEFAULT_SUBJECT, ''];
  if (opts.automation !== undefined) lines.push(`Automation: ${opts.automation}`, '');
  const byFile = new Map<string, SetterChange[]>();
  for (const c of changes) byFile.set(c.file, [...(byFile.get(c.file) ?? []), c]);
  lines.push('Files:');
  for (const [file, list] of [...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    lines.push(`- ${file}`);
    for (const c of list) {
      lines.push(`  - line ${c.line}${objectText(c)}: ${c.oldValue} -> ${c.newValue} (${c.policy}${c.field === 'image' ? '' : `:${c.field}`})`);
    }
  }
  return `${lines.join('\n')}\n`;
}
