package org.qualcheck.model;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.List;
import java.util.OptionalInt;

/**
 * A named group of units, such as "Group B optional units - impression and image".
 *
 * <p>A group only lists units; what must be taken from it is said by the qualification's rules. A
 * unit may be listed in several groups, in which case a plan's copy of it counts toward one of them.
 *
 * @param id the short name used by rules, e.g. {@code B}
 * @param title the heading as printed
 * @param units unit numbers, in table order, without repeats
 * @param declaredCredits the credit figure printed beside the group heading, if any; lint compares
 *     it with the units' own credits
 */
public record Group(
    String id, String title, List<String> units, OptionalInt declaredCredits) {

  /**
   * Checks the parts given; collections are copied, so the value is immutable.
   *
   * @param id the short name used by rules, e.g. {@code B}
   * @param title the heading as printed
   * @param units unit numbers, in table order, without repeats
   * @param declaredCredits the credit figure printed beside the group heading, if any; lint
   *     compares it with the units' own credits
   */
  public Group {
    checkArgument(id != null && !id.isBlank(), "a group needs an id");
    checkNotNull(title, "title");
    units = ImmutableList.copyOf(checkNotNull(units, "units"));
    checkArgument(
        ImmutableSet.copyOf(units).size() == units.size(), "group %s lists a unit twice", id);
    checkNotNull(declaredCredits, "declaredCredits");
  }

  /**
   * {@return a group of these units with no declared credit figure}
   *
   * @param id the group's id, by which rules name it
   * @param title the group's title as the source gives it
   * @param units the unit numbers the group lists, in order
   */
  public static Group of(String id, String title, List<String> units) {
    return new Group(id, title, ImmutableList.copyOf(units), OptionalInt.empty());
  }

  /**
   * {@return whether the group lists this unit number}
   *
   * @param unitNumber the unit number to look for
   */
  public boolean contains(String unitNumber) {
    return units.contains(unitNumber);
  }
}
