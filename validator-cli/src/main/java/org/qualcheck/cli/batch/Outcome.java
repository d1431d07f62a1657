package org.qualcheck.cli.batch;

import java.util.List;
import java.util.Map;

/** What happened to one batch record: a verdict with the failing rules, or an error. */
record Outcome(
    long line,
    String learner,
    String qualification,
    Boolean met,
    List<FailedRule> failed,
    String error,
    Map<String, String> passthrough) {

  /** One rule a plan does not meet, with how far off it is. */
  record FailedRule(String rule, String requirement, long achieved, long shortfall, long excess) {}

  static Outcome error(ParsedRecord r, String qualification, String error) {
    return new Outcome(r.line(), r.learner(), qualification, null, List.of(), error, r.passthrough());
  }
}
