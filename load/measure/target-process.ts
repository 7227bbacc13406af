// The processes of a target on this machine: those holding the socket that listens on its port, found in
// /proc/net/tcp{,6} (the listening socket's inode) and /proc/<pid>/fd (which process holds it). LOAD-06's
// busy-machine guard counts their CPU as the run's own: a local server that burns more CPU as it degrades
// is the server slowing down, not the machine getting busier. Empty where /proc is unreadable or the
// target is not local.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

const LISTEN = '0A';

function lines(path: string): string[] {
  try {
    return readFileSync(path, 'utf8').split('\n').slice(1);
  } catch {
    return [];
  }
}

/** Inodes of the sockets listening on `port` (IPv4 and IPv6). */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6'])
    for (const line of lines(table)) {
      const fields = line.trim().split(/\s+/);
      const [local, state, inode] = [fields[1], fields[3], fields[9]];
      if (!local || state !== LISTEN || !inode || inode === '0') continue;
      if (Number.parseInt(local.slice(local.lastIndexOf(':') + 1), 16) === port) inodes.add(inode);
    }
  return inodes;
}

function list(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

/** Pids (other than this process) holding a socket that listens on `port`. */
function pidsListeningOn(port: number): number[] {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return [];
  const pids: number[] = [];
  for (const pid of list('/proc')) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
    const holds = list(`/proc/${pid}/fd`).some((fd) => {
      try {
        return inodes.has(/^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1] ?? '');
      } catch {
        return false;
      }
    });
    if (holds) pids.push(Number(pid));
  }
  return pids;
}

/** The target's port when it runs on this machine (a loopback host), else null. */
export function localPort(baseUrl: string): number | null {
  const url = new URL(baseUrl);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const local = host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '::1';
  if (!local) return null;
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

/** The pids of a local target's server processes (none for a remote one). */
export function targetPids(baseUrl: string): number[] {
  const port = localPort(baseUrl);
  return port === null ? [] : pidsListeningOn(port);
}
