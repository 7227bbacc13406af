// report.html's load figures a reader needs, in words: the load model, offered against achieved rates
// (overload), the client's own saturation with its reasons (wrapping, never pushing a table off-screen),
// uniqueness, requests without an answer and those still in flight at the end. Raw figures stay in
// summary.json; the page names where.
import { escapeHtml } from '../escape.ts';
import { formatNumber, num, record, type Unknown } from './view.ts';

const p = (html: string, className: string) => `<p class="${className}">${html}</p>`;
const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v) => typeof v === 'string') : []);

/** "open model: 20 flow starts/s ..." as the engine described it; a shape without one is named plainly. */
export function modelLine(load: Unknown): string {
  const model = record(load.model ?? load.load_model);
  if (!model) return 'not recorded by this engine';
  if (typeof model.description === 'string') return model.description;
  const rate = num(model.rate);
  return model.kind === 'open' ? `open model, ${formatNumber(rate)} flow starts/s` : 'closed model';
}

export function overloadSection(load: Unknown): string {
  const o = record(load.overload);
  if (!o) return '';
  const row = (e: string) => {
    const f = record(record(o.endpoints)?.[e]) ?? {};
    const cells = [f.offered_rps, f.achieved_rps].map((v) => `<td class="num">${formatNumber(num(v))}</td>`);
    return `<tr><th scope="row">${e}</th>${cells.join('')}</tr>`;
  };
  const span = `measured from ${formatNumber(num(o.from_s))} s to ${formatNumber(num(o.to_s))} s of the run`;
  return [
    p(
      `<strong>${o.overloaded === true ? 'Overloaded' : 'Offered rate achieved'}:</strong> ` +
        `${escapeHtml(typeof o.summary === 'string' ? o.summary : '')} (${span}).`,
      o.overloaded === true ? 'overload bad' : 'overload',
    ),
    `<table class="figures compact"><caption>Offered against achieved (requests/s)</caption>
<thead><tr><th>endpoint</th><th>offered</th><th>achieved</th></tr></thead><tbody>
${row('token')}
${row('refresh')}
</tbody></table>`,
  ].join('\n');
}

export function clientSection(load: Unknown): string {
  const c = record(load.client);
  if (!c) return '';
  const busy = (Array.isArray(c.thread_busy) ? c.thread_busy : [])
    .map((b) => (num(b) === undefined ? '?' : `${formatNumber((num(b) ?? 0) * 100)}%`))
    .join(', ');
  const delay = num(record(c.event_loop_delay_ms)?.p99);
  const reasons = strings(c.reasons);
  const head =
    `<strong>The load generator:</strong> ${formatNumber(num(c.workers))} worker thread(s) on ` +
    `${formatNumber(num(c.cores))} cores, busy ${escapeHtml(busy)} of the run; event-loop delay p99 ` +
    `${formatNumber(delay)} ms. ` +
    (reasons.length ? 'It was a limit of this run:' : 'It was not a limit: the figures measure the server.');
  const list = reasons.length
    ? `<ul class="client-reasons">${reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>`
    : '';
  return `<div class="client">${p(head, 'client-head')}${list}</div>`;
}

export function otherFacts(load: Unknown): string {
  const facts: string[] = [];
  const u = record(load.uniqueness);
  if (u)
    facts.push(
      `${formatNumber(num(u.checked))} issued tokens were compared for uniqueness (LOAD-05), the first ` +
        `${formatNumber(num(u.capacity))} exactly with every earlier one.`,
    );
  const failures = Object.entries(record(load.failures) ?? {}).filter(([, n]) => (num(n) ?? 0) > 0);
  if (failures.length)
    facts.push(
      `Requests that got no HTTP answer: ${failures
        .map(([why, n]) => `${escapeHtml(why)} (${formatNumber(num(n))})`)
        .join('; ')}.`,
    );
  const abandoned = num(load.abandoned);
  if (abandoned)
    facts.push(
      `${formatNumber(abandoned)} requests were still waiting for their answer when the load stopped: they are ` +
        'neither counted nor timed (a request counts when its answer arrives), so they change no figure above.',
    );
  facts.push(
    'Every raw figure of this run, and more, is in <code>summary.json</code> (its <code>load</code> section).',
  );
  return `<ul class="load-facts">${facts.map((f) => `<li>${f}</li>`).join('')}</ul>`;
}
