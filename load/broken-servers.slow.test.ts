// The load layer on servers broken in ways that once got a pass or an inconclusive, with each engine (k6 found
// on the PATH; its half skipped with the enabling line without one): each must fail, naming the requirement
// (testing/broken-load-servers.ts). Real load (a 12 s run among them), so in the full set, not `npm test`.
import { describeBrokenServers } from '../testing/broken-load-run.ts';

describeBrokenServers('node');
describeBrokenServers('k6');
