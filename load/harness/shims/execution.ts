// The `k6/execution` module: the ids the scripts read (exec.vu.idInTest and friends).
import { state } from './state.ts';

const exec = {
  get vu() {
    return {
      idInTest: state.vu.idInTest,
      idInInstance: state.vu.idInTest,
      iterationInScenario: state.vu.iterationInScenario,
      iterationInInstance: state.vu.iterationInScenario,
      tags: state.tags,
    };
  },
  get scenario() {
    return {
      name: state.scenario.name,
      iterationInTest: state.scenario.iterationInTest,
      startTime: state.scenario.startTime,
      executor: 'harness',
    };
  },
  get instance() {
    return {
      vusActive: 1,
      vusInitialized: 1,
      iterationsCompleted: 0,
      iterationsInterrupted: 0,
      currentTestRunDuration: Date.now() - state.scenario.startTime,
    };
  },
  test: {
    abort(reason?: string): never {
      throw new Error(`test aborted: ${reason ?? ''}`);
    },
  },
};

export default exec;
