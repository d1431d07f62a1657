package org.qualcheck.check;

import com.google.common.collect.ImmutableList;
import java.util.List;

/** A plan that cannot be checked: it names units the qualification does not have, or repeats one. */
public final class PlanException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final ImmutableList<String> problems;

  public PlanException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = ImmutableList.copyOf(problems);
  }

  /** One plain sentence per problem. */
  public ImmutableList<String> problems() {
    return problems;
  }
}
