import type { Server } from 'node:http';
import type { AppContext } from '../../servers/reference/index.ts';

/** One requirement, and how to see a server break it. `shows` resolves true when the defect is observed. */
export interface DefectProbe {
  mutant: string;
  requirement: string;
  shows: (base: string, server: Server & { context?: AppContext }) => Promise<boolean>;
  /** Needs the reference server's context (to preload state fast); skipped for other implementations. */
  needsContext?: boolean;
}
