/** The GitSync kind as the controller machinery names it, and the condition type this controller adds. */
import { gitSyncKind } from '../../api/index.ts';
import type { Kind } from '../../controller/index.ts';

export const gitSyncGvk: Kind = { apiVersion: `${gitSyncKind.group}/${gitSyncKind.version}`, kind: gitSyncKind.kind, plural: gitSyncKind.plural };

/**
 * True while Flux documents in the path were applied without some of their fields (listed in the message,
 * with file and line); absent otherwise. Not part of Ready. (Candidates for src/api's ConditionType and
 * Reason.)
 */
export const FluxFieldsIgnoredCondition = 'FluxFieldsIgnored';
export const UnsupportedFieldsReason = 'UnsupportedFields';
export const PrunedReason = 'Pruned';
