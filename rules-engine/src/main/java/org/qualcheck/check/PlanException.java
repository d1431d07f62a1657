package org.qualcheck.check;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A plan that cannot be checked: a unit is missing or blank, not in the qualification,
 * or given twice. Every way of giving a plan to the engine refuses a bad one with this exception,
 * naming every problem at once.
 */
public final class PlanException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The problems, at least one, in the order of the units given. */
  private final List<PlanProblem> problems;

  /**
   * A refusal made of these problems, in the order of the units given; at least one.
   *
   * @param problems the problems, one per unit refused
   * @throws IllegalArgumentException if {@code problems} is empty
   */
  public PlanException(List<PlanProblem> problems) {
    super(render(problems));
    checkArgument(!problems.isEmpty(), "a bad plan has at least one problem");
    this.problems = ImmutableList.copyOf(problems);
  }

  private static String render(List<PlanProblem> problems) {
    return problems.stream().map(PlanProblem::message).collect(Collectors.joining("\n"));
  }

  /**
   * {@return the problems, in the order of the units given; {@link #getMessage()} has one per line}
   */
  public List<PlanProblem> problems() {
    return problems;
  }
}
