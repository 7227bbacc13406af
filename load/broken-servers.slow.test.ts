// The load layer with k6 on servers broken in ways that once got a pass or an inconclusive: each must fail,
// naming the requirement (testing/broken-load-servers.ts; the Node engine's half is the .test.ts).
import { describeBrokenServers } from '../testing/broken-load-run.ts';

describeBrokenServers('k6');
