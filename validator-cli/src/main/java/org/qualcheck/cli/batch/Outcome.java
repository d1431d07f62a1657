package org.qualcheck.cli.batch;

import java.util.List;
import java.util.Map;
import org.qualcheck.compile.CompiledRule;

/** What happened to one batch record: a verdict with the failing rules, or an error. */
record Outcome(
    long line,
    String learner,
    String qualification,
    Boolean met,
    List<FailedRule> failed,
    String error,
    Map<String, String> passthrough,
    Boolean onTrack) {

  /** The outcome of a plan, which has no separate answer to whether the learner is on track. */
  Outcome(long line, String learner, String qualification, Boolean met, List<FailedRule> failed,
      String error, Map<String, String> passthrough) {
    this(line, learner, qualification, met, failed, error, passthrough, null);
  }

  /** One rule a plan does not meet, with how far off it is. */
  record FailedRule(String rule, String requirement, long achieved, long shortfall, long excess) {}

  /** How far a figure falls below the rule's minimum; 0 when it does not. */
  static long shortfall(CompiledRule rule, long figure) {
    return Math.max(0, rule.min() - figure);
  }

  /** How far a figure exceeds the rule's maximum; 0 when it does not. */
  static long excess(CompiledRule rule, long figure) {
    return figure > rule.max() ? figure - rule.max() : 0;
  }

  static Outcome error(ParsedRecord r, String qualification, String error) {
    return new Outcome(r.line(), r.learner(), qualification, null, List.of(), error, r.passthrough());
  }
}
