package org.qualcheck.model;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import org.qualcheck.rule.Rule;

/**
 * A named set of rules added to a qualification's common rules: a pathway (one way of achieving
 * the qualification, such as "Dementia") or an endorsed title (a title added to the qualification's
 * when its rules are met as well, never needed to achieve it).
 *
 * @param id the short name plans and reports use, e.g. {@code dementia}
 * @param title the pathway's or endorsed title's name as printed
 * @param description the source's wording, if given
 * @param rules the rules, written exactly as the qualification's common rules
 */
public record Variant(String id, String title, Optional<String> description, List<Rule> rules) {

  /**
   * Checks the parts given; the rule list is copied, so the value is immutable.
   *
   * @param id the short name plans and reports use
   * @param title the name as printed
   * @param description the source's wording, if given
   * @param rules the rules added to the common rules; rule ids unique
   */
  public Variant {
    checkArgument(id != null && !id.isBlank(), "a pathway or endorsement needs an id");
    checkNotNull(title, "title");
    checkNotNull(description, "description");
    rules = ImmutableList.copyOf(checkNotNull(rules, "rules"));
  }

  /**
   * {@return a variant with no description}
   *
   * @param id the short name plans and reports use
   * @param title the name as printed
   * @param rules the rules added to the common rules
   */
  public static Variant of(String id, String title, List<Rule> rules) {
    return new Variant(id, title, Optional.empty(), rules);
  }
}
