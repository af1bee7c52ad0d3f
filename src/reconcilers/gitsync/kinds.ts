/** The GitSync kind as the controller machinery names it. */
import { gitSyncKind } from '../../api/index.ts';
import type { Kind } from '../../controller/index.ts';

export const gitSyncGvk: Kind = { apiVersion: `${gitSyncKind.group}/${gitSyncKind.version}`, kind: gitSyncKind.kind, plural: gitSyncKind.plural };
