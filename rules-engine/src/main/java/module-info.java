/**
 * The rules engine: checks, explains, completes and counts plans against a qualification's rules of
 * combination, in pure Java with no I/O of its own.
 *
 * <p>Start from {@link org.qualcheck.api.Qualcheck}. The engine's own packages are exported for
 * questions the entry point does not ask: {@code check} and {@code plan} for checking and planning
 * directly, {@code count} for exact counts, {@code lint} for a designer's findings, {@code explain}
 * for the structure in words, and {@code compile}, the bitset form of a
 * qualification, because {@link org.qualcheck.check.Checker#compiled()} and {@link
 * org.qualcheck.count.Counter} take and return its types. {@code org.qualcheck.synthetic}, the
 * random structure generator used by tests and benchmarks, is not exported.
 */
module org.qualcheck.engine {
  requires transitive org.qualcheck.model;
  requires com.google.common;

  exports org.qualcheck.api;
  exports org.qualcheck.check;
  exports org.qualcheck.compile;
  exports org.qualcheck.count;
  exports org.qualcheck.explain;
  exports org.qualcheck.framework.check;
  exports org.qualcheck.lint;
  exports org.qualcheck.plan;
  exports org.qualcheck.progress;
}
