package io.ddbio.testkit.emulator;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/** How many faults of each kind the emulator has injected. Thread-safe. */
final class FaultCounts {
  private final AtomicLongArray counts = new AtomicLongArray(Fault.values().length);

  void add(Fault fault) {
    counts.incrementAndGet(fault.ordinal());
  }

  /** Every kind with its count, zeros included. */
  Map<Fault, Long> snapshot() {
    Map<Fault, Long> snapshot = new EnumMap<>(Fault.class);
    for (Fault fault : Fault.values()) {
      snapshot.put(fault, counts.get(fault.ordinal()));
    }
    return snapshot;
  }
}
