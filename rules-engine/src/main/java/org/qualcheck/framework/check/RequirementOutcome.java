package org.qualcheck.framework.check;

import static com.google.common.base.Preconditions.checkNotNull;

import org.qualcheck.framework.Requirement;

/**
 * Whether a learner holds one requirement of a framework as of the date checked, and why, in one
 * sentence such as "achieved on 2026-02-10" or "in progress".
 *
 * @param requirement the qualification or achievement required
 * @param held whether the learner holds it as of the date checked
 * @param checkedBySpec whether a qualification was judged by its spec from the record's units,
 *     rather than looked up among the record's qualifications
 * @param reason one plain sentence saying why it is or is not held
 */
public record RequirementOutcome(
    Requirement requirement, boolean held, boolean checkedBySpec, String reason) {
  /**
   * Checks the parts given.
   *
   * @param requirement the qualification or achievement required
   * @param held whether the learner holds it
   * @param checkedBySpec whether a qualification was judged by its spec
   * @param reason one plain sentence
   */
  public RequirementOutcome {
    checkNotNull(requirement, "requirement");
    checkNotNull(reason, "reason");
  }
}
