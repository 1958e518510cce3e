import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { highlightsOf, locateInSource, markedRuns } from './highlights.ts';

const fail = (spans: { start: number; end: number; type?: string }[]) => ({
  verdict: 'fail' as const,
  score: 0.9,
  spans,
});

describe('highlights', () => {
  it('collects the words of failed checks only, each place once, in order', () => {
    const runs = markedRuns({
      abusive: fail([
        { start: 20, end: 25, type: 'insult' },
        { start: 4, end: 9, type: 'profane' },
      ]),
      personal: fail([{ start: 20, end: 25, type: 'insult' }]),
      english: { verdict: 'pass', score: 0.1, spans: [{ start: 0, end: 3 }] } as never,
    });
    assert.deepEqual(runs, [
      { start: 4, end: 9, rule: 'abusive', type: 'profane' },
      { start: 20, end: 25, rule: 'abusive', type: 'insult' },
    ]);
  });

  it('finds the words again in what the author typed, past markdown', () => {
    const source = 'Ravi, you are an **utter idiot**, and > idiot again';
    const plain = 'Ravi, you are an utter idiot, and idiot again';
    const runs = [
      { start: plain.indexOf('utter idiot'), end: plain.indexOf('utter idiot') + 11, rule: 'abusive', type: 'insult' },
      { start: plain.lastIndexOf('idiot'), end: plain.lastIndexOf('idiot') + 5, rule: 'abusive', type: 'insult' },
    ];
    const found = locateInSource(plain, source, runs);
    assert.deepEqual(
      found.map((h) => [h.text, source.slice(h.start, h.end)]),
      [
        ['utter idiot', 'utter idiot'],
        ['idiot', 'idiot'],
      ],
    );
    assert.equal(found[1]!.start, source.lastIndexOf('idiot'));
  });

  it('matches across emphasis inside a run, and leaves out what it cannot find', () => {
    const source = 'You *stupid* **fool**.';
    const plain = 'You stupid fool.';
    const [h] = locateInSource(plain, source, [{ start: 4, end: 15, rule: 'abusive' }]);
    assert.equal(h!.text, 'stupid* **fool');
    assert.deepEqual(locateInSource('gone', 'nothing here', [{ start: 0, end: 4, rule: 'abusive' }]), []);
  });

  it('gives nothing for a result without marked words', () => {
    assert.deepEqual(highlightsOf({ checks: { spam: { verdict: 'fail', score: 1 } } }, 'x', 'x'), []);
  });
});
