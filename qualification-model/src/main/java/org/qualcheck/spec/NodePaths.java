package org.qualcheck.spec;

import java.util.List;

/**
 * Paths to nodes of a spec tree, written as JSON pointers ({@code /units/3/credits}), so that
 * positions recorded while parsing can be found again from a schema violation's place in the tree.
 */
final class NodePaths {
  private NodePaths() {}

  /** The pointer for a list of path elements: strings for keys, integers for list positions. */
  static String pointer(List<?> elements) {
    StringBuilder sb = new StringBuilder();
    for (Object e : elements) {
      sb.append('/').append(e.toString().replace("~", "~0").replace("/", "~1"));
    }
    return sb.toString();
  }
}
