// The load layer (Node engine) on servers broken in ways that once got a pass or an inconclusive: each
// must fail, naming the requirement (testing/broken-load-servers.ts; the k6 half is the .slow.test.ts).
import { describeBrokenServers } from '../testing/broken-load-run.ts';

describeBrokenServers('node');
