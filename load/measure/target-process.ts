// The processes of a target on this machine: those holding the socket that listens on its port, found in
// /proc/net/tcp{,6} (the listening socket's inode) and /proc/<pid>/fd (which process holds it). LOAD-06's
// busy-machine guard counts their CPU as the run's own: a local server that burns more CPU as it degrades
// is the server slowing down, not the machine getting busier. Behind a local reverse proxy or sidecar the
// server is the process listening on a loopback port the proxy is connected to (followed through proxies of
// proxies; a local database the server uses counts with it). Empty where /proc is unreadable or the target
// is not local.
import { readFileSync, readlinkSync } from 'node:fs';
import { list } from './cpu-meters.ts';

const LISTEN = '0A';
const ESTABLISHED = '01';

function lines(path: string): string[] {
  try {
    return readFileSync(path, 'utf8').split('\n').slice(1);
  } catch {
    return [];
  }
}

/** A loopback address as /proc/net/tcp{,6} writes it: 127.x.x.x, ::1, or ::ffff:127.x.x.x. */
function loopback(hex: string): boolean {
  if (hex.length === 8) return hex.endsWith('7F');
  return (
    hex === '00000000000000000000000001000000' || (hex.startsWith('0000000000000000FFFF0000') && hex.endsWith('7F'))
  );
}

interface TcpTables {
  /** Listening sockets' inodes, by port. */
  listening: Map<number, Set<string>>;
  /** Established sockets' inodes, with the loopback port at their other end (none for a remote peer). */
  toLoopback: Map<string, number>;
}

/** /proc/net/tcp and tcp6, read once. */
function tcpTables(): TcpTables {
  const listening = new Map<number, Set<string>>();
  const toLoopback = new Map<string, number>();
  const port = (address: string) => Number.parseInt(address.slice(address.lastIndexOf(':') + 1), 16);
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6'])
    for (const line of lines(table)) {
      const [, local, remote, state, , , , , , inode] = line.trim().split(/\s+/);
      if (!local || !remote || !inode || inode === '0') continue;
      if (state === LISTEN) listening.set(port(local), (listening.get(port(local)) ?? new Set()).add(inode));
      else if (state === ESTABLISHED && loopback(remote.slice(0, remote.indexOf(':'))))
        toLoopback.set(inode, port(remote));
    }
  return { listening, toLoopback };
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

/** Pids (other than this process) holding one of these socket inodes. */
function pidsHolding(inodes: Set<string> | undefined): number[] {
  if (!inodes?.size) return [];
  const pids: number[] = [];
  for (const pid of list('/proc')) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
    for (const inode of socketInodes(Number(pid)))
      if (inodes.has(inode)) {
        pids.push(Number(pid));
        break;
      }
  }
  return pids;
}

/** Pids (other than this process) holding a socket that listens on `port`. */
function pidsListeningOn(port: number, tables = tcpTables()): number[] {
  return pidsHolding(tables.listening.get(port));
}

/**
 * `pids` and the local servers behind them: the processes listening on a loopback port one of them holds
 * an established connection to (a proxy's upstream; its clients' ephemeral ports listen nowhere).
 */
export function withUpstream(pids: readonly number[], tables = tcpTables()): number[] {
  const found = new Set(pids);
  const seen = new Set<number>();
  for (const pid of found)
    for (const inode of socketInodes(pid)) {
      const port = tables.toLoopback.get(inode);
      if (port === undefined || seen.has(port) || !tables.listening.has(port)) continue;
      seen.add(port);
      for (const upstream of pidsListeningOn(port, tables)) found.add(upstream);
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
    const tables = tcpTables();
    found = withUpstream(pidsListeningOn(port, tables), tables);
    return found;
  };
}
