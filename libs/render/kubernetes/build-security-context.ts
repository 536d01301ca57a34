import type { SecurityContext } from '../../manifest/index.js';

// What an image that starts as root needs to set up its files and drop to its own user
// (the postgres entrypoint chowns and runs gosu; the nginx master binds :80 and signals
// its workers): Docker's default set minus the network, device and audit capabilities.
export const ROOT_START_CAPABILITIES = ['CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'NET_BIND_SERVICE', 'SETGID', 'SETUID'];

/** True when the manifest says the container never runs as root. */
export function runsAsNonRoot(context: SecurityContext): boolean {
  return context.runAsNonRoot === true || (context.runAsUser !== undefined && context.runAsUser > 0);
}

/** The pod's securityContext: the manifest's user, group and fsGroup, and the runtime's default seccomp profile. */
export function podSecurityContext(context: SecurityContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (context.runAsUser !== undefined) out.runAsUser = context.runAsUser;
  if (context.runAsGroup !== undefined) out.runAsGroup = context.runAsGroup;
  if (context.fsGroup !== undefined) {
    out.fsGroup = context.fsGroup;
    // Skips the recursive chown of big volumes when their root already belongs to fsGroup.
    out.fsGroupChangePolicy = 'OnRootMismatch';
  }
  if (context.runAsNonRoot !== undefined) out.runAsNonRoot = context.runAsNonRoot;
  out.seccompProfile = { type: 'RuntimeDefault' };
  return out;
}

/**
 * The container's securityContext: no privilege escalation; every capability dropped
 * when the image runs as a non-root user, else only those a root entrypoint needs kept;
 * a read-only root filesystem only when the manifest asks for it.
 */
export function containerSecurityContext(context: SecurityContext): Record<string, unknown> {
  const out: Record<string, unknown> = {
    allowPrivilegeEscalation: false,
    capabilities: runsAsNonRoot(context) ? { drop: ['ALL'] } : { add: [...ROOT_START_CAPABILITIES], drop: ['ALL'] },
  };
  if (context.readOnlyRootFilesystem === true) out.readOnlyRootFilesystem = true;
  return out;
}
