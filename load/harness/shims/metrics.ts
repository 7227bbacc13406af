// The `k6/metrics` module: custom metrics that record samples for the harness to aggregate.
import { emit, type MetricType } from './state.ts';

class Metric {
  constructor(
    readonly name: string,
    private readonly type: MetricType,
  ) {}
  add(value: number | boolean, tags: Record<string, string> = {}): void {
    emit(this.name, this.type, typeof value === 'boolean' ? Number(value) : value, tags);
  }
}

export class Counter extends Metric {
  constructor(name: string) {
    super(name, 'counter');
  }
}
export class Rate extends Metric {
  constructor(name: string) {
    super(name, 'rate');
  }
}
export class Trend extends Metric {
  constructor(name: string) {
    super(name, 'trend');
  }
}
export class Gauge extends Metric {
  constructor(name: string) {
    super(name, 'gauge');
  }
}

export default { Counter, Rate, Trend, Gauge };
