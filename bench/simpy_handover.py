"""The ambulance handover peer benchmark in SimPy 2.3.1 (Debian's python3-simpy), the same
parameters as carepaths' bench/engineTiming.ts handover case: 0.7 calls a minute; 30 crews, each
held through travel, on scene and conveyance (exponential, mean 10 minutes each); the patient then
waits with the crew for one of 20 ED bays (the handover delay), the crew is released, and the bay
is held through treatment (exponential, mean 25). Prints requests, seconds, mean wait for a crew
and mean handover delay (both in minutes, for requests arriving after the first 1,440 minutes)."""
import random
import sys
import time

from SimPy.Simulation import Process, Resource, activate, hold, initialize, now, release, request, simulate

REQUESTS = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
rng = random.Random(1)
crew_waits = []
handovers = []


class Patient(Process):
    def visit(self, crews, bays):
        called = now()
        yield request, self, crews
        crew_wait = now() - called
        yield hold, self, rng.expovariate(1 / 10.0)  # travel
        yield hold, self, rng.expovariate(1 / 10.0)  # on scene
        yield hold, self, rng.expovariate(1 / 10.0)  # conveyance
        arrived = now()
        yield request, self, bays  # waits with the crew
        if called > 1440:
            crew_waits.append(crew_wait)
            handovers.append(now() - arrived)
        yield release, self, crews
        yield hold, self, rng.expovariate(1 / 25.0)  # treatment in the bay
        yield release, self, bays


class Arrivals(Process):
    def run(self, crews, bays):
        for _ in range(REQUESTS):
            patient = Patient()
            activate(patient, patient.visit(crews, bays))
            yield hold, self, rng.expovariate(0.7)


started = time.perf_counter()
initialize()
crews = Resource(capacity=30)
bays = Resource(capacity=20)
source = Arrivals()
activate(source, source.run(crews, bays))
simulate(until=10**12)
seconds = time.perf_counter() - started
print(f"{REQUESTS} {seconds:.3f} {sum(crew_waits) / len(crew_waits):.4f} {sum(handovers) / len(handovers):.4f}")
