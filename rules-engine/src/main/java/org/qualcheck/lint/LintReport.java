package org.qualcheck.lint;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import org.qualcheck.model.Qualification;

/** Everything lint found in one qualification, errors first, then in the order of the spec. */
public record LintReport(Qualification qualification, ImmutableList<Finding> findings) {
  public LintReport {
    checkNotNull(qualification, "qualification");
    checkNotNull(findings, "findings");
  }

  /** Whether any finding is an error. */
  public boolean hasErrors() {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }

  /** The findings of one kind. */
  public ImmutableList<Finding> ofKind(FindingKind kind) {
    return findings.stream().filter(f -> f.kind() == kind).collect(ImmutableList.toImmutableList());
  }
}
