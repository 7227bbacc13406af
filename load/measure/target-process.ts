// The processes of a target on this machine: those holding the socket that listens on its port, found in
// /proc/net/tcp{,6} (the listening socket's inode) and /proc/<pid>/fd (which process holds it). LOAD-06's
// busy-machine guard counts their CPU as the run's own: a local server that burns more CPU as it degrades
// is the server slowing down, not the machine getting busier. Behind a local reverse proxy or sidecar the
// server is the process listening on a loopback port the proxy is connected to (followed through proxies of
// proxies; a local database the server uses counts with it). Empty where /proc is unreadable or the target
// is not local.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

const LISTEN = '0A';
const ESTABLISHED = '01';

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

/** A loopback address as /proc/net/tcp{,6} writes it: 127.x.x.x, ::1, or ::ffff:127.x.x.x. */
function loopback(hex: string): boolean {
  if (hex.length === 8) return hex.endsWith('7F');
  return (
    hex === '00000000000000000000000001000000' || (hex.startsWith('0000000000000000FFFF0000') && hex.endsWith('7F'))
  );
}

/** Loopback ports that sockets with these inodes are connected to (established connections). */
function loopbackPeers(inodes: Set<string>): Set<number> {
  const ports = new Set<number>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6'])
    for (const line of lines(table)) {
      const fields = line.trim().split(/\s+/);
      const [remote, state, inode] = [fields[2], fields[3], fields[9]];
      if (!remote || state !== ESTABLISHED || !inode || !inodes.has(inode)) continue;
      const [address, port] = remote.split(':');
      if (address && port && loopback(address)) ports.add(Number.parseInt(port, 16));
    }
  return ports;
}

/** The socket inodes a process holds. */
function socketInodes(pid: number): Set<string> {
  const inodes = new Set<string>();
  for (const fd of list(`/proc/${pid}/fd`)) {
    try {
      const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
      if (inode) inodes.add(inode);
    } catch {
      // closed meanwhile
    }
  }
  return inodes;
}

/** `pids` and the local servers behind them: processes listening on a loopback port one of them is connected to. */
export function withUpstream(pids: readonly number[]): number[] {
  const found = new Set(pids);
  const seenPorts = new Set<number>();
  for (const pid of found)
    for (const port of loopbackPeers(socketInodes(pid))) {
      if (seenPorts.has(port)) continue;
      seenPorts.add(port);
      for (const upstream of pidsListeningOn(port)) found.add(upstream);
    }
  return [...found];
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

/**
 * A local target's processes and the servers behind it (withUpstream), looked up again at most every
 * `everyMs` (the proxy connects upstream once the load runs); none for a remote target.
 */
export function targetProcesses(baseUrl: string, everyMs = 2000): () => number[] {
  const port = localPort(baseUrl);
  if (port === null) return () => [];
  let found: number[] = [];
  let at = -Infinity;
  return () => {
    if (performance.now() - at < everyMs) return found;
    at = performance.now();
    found = withUpstream(pidsListeningOn(port));
    return found;
  };
}
