"""The M/M/10 peer benchmark in SimPy 2.3.1 (Debian's python3-simpy): arrivals 2 a minute,
exponential service with mean 4 minutes, 10 servers. Prints requests simulated, seconds and mean wait."""
import random
import sys
import time

from SimPy.Simulation import Process, Resource, activate, hold, initialize, now, release, request, simulate

REQUESTS = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
rng = random.Random(1)
waits = []


class Patient(Process):
    def visit(self, servers):
        arrived = now()
        yield request, self, servers
        waits.append(now() - arrived)
        yield hold, self, rng.expovariate(1 / 4.0)
        yield release, self, servers


class Arrivals(Process):
    def run(self, servers):
        for _ in range(REQUESTS):
            patient = Patient()
            activate(patient, patient.visit(servers))
            yield hold, self, rng.expovariate(2.0)


started = time.perf_counter()
initialize()
servers = Resource(capacity=10)
source = Arrivals()
activate(source, source.run(servers))
simulate(until=10**12)
seconds = time.perf_counter() - started
print(f"{REQUESTS} {seconds:.3f} {sum(waits) / len(waits):.4f}")
