/** Go's fmt package for template values (being written; see issue 3). */
import type { GoValue } from '../value.ts';

/** fmt.Sprint */
export function sprint(args: readonly GoValue[]): string {
  return args.map(String).join('');
}
/** fmt.Sprintln */
export function sprintln(args: readonly GoValue[]): string {
  return args.map(String).join(' ') + '\n';
}
/** fmt.Sprintf */
export function sprintf(format: string, args: readonly GoValue[]): string {
  return format + args.map(String).join('');
}
