import type { EventBus, Subscription } from '../infra/bus/event-bus.ts';
import type { ParserService } from '../services/parser/parser-service.ts';
import type { ConsolidatorService } from '../services/consolidator/consolidator-service.ts';
import type { NotifierService } from '../services/notifier/notifier-service.ts';

/**
 * Which service consumes which events, as one consumer group each. The embedded runner
 * and the distributed workers both wire through here, so they cannot drift apart.
 *
 * | group        | consumes                                                          | publishes                              |
 * |--------------|-------------------------------------------------------------------|----------------------------------------|
 * | parser       | report.submitted                                                  | report.parsed, report.failed, facts.extracted, report.progress |
 * | consolidator | report.submitted, report.parsed, report.failed, facts.extracted   | dq.flag                                |
 * | notifier     | dq.flag, report.failed                                            | dq.alert (from its delivery worker)    |
 */
export const GROUPS = { parser: 'tonghop-parser', consolidator: 'tonghop-consolidator', notifier: 'tonghop-notifier' } as const;

export function subscribeParser(bus: EventBus, parser: ParserService): Promise<Subscription> {
  return bus.subscribe(GROUPS.parser, { 'report.submitted': (e) => parser.onSubmitted(e) });
}

export function subscribeConsolidator(bus: EventBus, consolidator: ConsolidatorService): Promise<Subscription> {
  return bus.subscribe(GROUPS.consolidator, {
    'report.submitted': (e) => consolidator.onSubmitted(e),
    'report.parsed': (e) => consolidator.onParsed(e),
    'report.failed': (e) => consolidator.onFailed(e),
    'facts.extracted': (e) => consolidator.onFactsExtracted(e),
  });
}

export function subscribeNotifier(bus: EventBus, notifier: NotifierService): Promise<Subscription> {
  return bus.subscribe(GROUPS.notifier, {
    'dq.flag': (e) => notifier.onFlag(e),
    'report.failed': (e) => notifier.onReportFailed(e),
  });
}
