package org.qualcheck.spec;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * Paths to nodes of a spec tree, written as JSON pointers ({@code /units/3/credits}), so that
 * positions recorded while parsing can be found again from a schema error's instance location.
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

  /** The elements of a schema library path. */
  static ImmutableList<Object> elements(com.networknt.schema.path.NodePath path) {
    ImmutableList.Builder<Object> b = ImmutableList.builder();
    for (int i = 0; i < path.getNameCount(); i++) {
      b.add(path.getElement(i));
    }
    return b.build();
  }
}
