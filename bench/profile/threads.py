"""CPU per question by thread group, from async-profiler's collapsed stacks (200 µs samples)."""
import collections
import sys

SAMPLE_US = 200


def group(thread):
    """The benchmark's own grouping (CpuTime.Kind in the benchmark), with the broker and the JVM's threads split."""
    for part, name in (('kafka-producer-network-thread', 'its producer network thread'),
                       ('-StreamThread-', 'stream thread'),
                       ('request-handler', 'broker request handlers'),
                       ('data-plane-kafka-network', 'broker network threads'),
                       ('[main', 'the watcher (main)'),
                       ('GC', 'GC'), ('Conc#', 'GC'), ('Refine#', 'GC'),
                       ('Compiler', 'JIT')):
        if part in thread:
            return name
    return 'other'


questions = int(sys.argv[1])
for path in sys.argv[2:]:
    groups = collections.Counter()
    for line in open(path):
        stack, _, count = line.rstrip().rpartition(' ')
        groups[group(stack.split(';')[0])] += int(count)
    total = sum(groups.values())
    print(f'{path}: {total * SAMPLE_US / questions:.2f} µs of CPU per question (profiled)')
    for name, samples in groups.most_common():
        print(f'  {name:30s} {samples * SAMPLE_US / questions:5.2f} µs  {100 * samples / total:4.1f} %')
