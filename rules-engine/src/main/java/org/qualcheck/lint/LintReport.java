package org.qualcheck.lint;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.qualcheck.model.Qualification;

/**
 * Everything lint found in one qualification, errors first, then in the order of the spec.
 *
 * @param qualification the qualification linted
 * @param findings the findings, errors first, then in the order of the spec
 */
public record LintReport(Qualification qualification, List<Finding> findings) {
  /**
   * Checks the parts given; collections are copied, so the value is immutable.
   *
   * @param qualification the qualification linted
   * @param findings the findings, errors first, then in the order of the spec
   */
  public LintReport {
    checkNotNull(qualification, "qualification");
    findings = ImmutableList.copyOf(checkNotNull(findings, "findings"));
  }

  /** {@return whether any finding is an error} */
  public boolean hasErrors() {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }

  /**
   * {@return the findings of one kind}
   *
   * @param kind the kind of finding wanted
   */
  public List<Finding> ofKind(FindingKind kind) {
    ImmutableList.Builder<Finding> of = ImmutableList.builder();
    for (Finding f : findings) {
      if (f.kind() == kind) {
        of.add(f);
      }
    }
    return of.build();
  }
}
