package org.qualcheck.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import org.qualcheck.model.SourceLocation;

/**
 * A parsed spec or catalogue document with the position of every node and every mapping key, keyed
 * by JSON pointer, so that later checks can point at the exact place in the file.
 */
record LocatedTree(
    String file,
    YamlTreeReader.Kind kind,
    JsonNode root,
    ImmutableMap<String, SourceLocation> values,
    ImmutableMap<String, SourceLocation> keys) {

  /** Where the value at this path starts, or the nearest enclosing node that has a position. */
  SourceLocation valueAt(List<?> path) {
    for (int n = path.size(); n >= 0; n--) {
      SourceLocation l = values.get(NodePaths.pointer(path.subList(0, n)));
      if (l != null) {
        return l;
      }
    }
    return new SourceLocation(file, 1, 1);
  }

  /** Where the key naming the value at this path is written, falling back to the value itself. */
  SourceLocation keyAt(List<?> path) {
    SourceLocation l = keys.get(NodePaths.pointer(path));
    return l != null ? l : valueAt(path);
  }

  /**
   * The node at this path, or a missing node: what {@code root.at(NodePaths.pointer(path))} finds,
   * stepping down the path rather than writing a JSON pointer and parsing it again for each of the
   * many lookups that assembling a spec makes.
   */
  JsonNode node(List<?> path) {
    JsonNode node = root;
    for (Object element : path) {
      JsonNode child = null;
      if (node.isObject()) {
        child = node.get(element.toString());
      } else if (node.isArray()) {
        int index = arrayIndex(element.toString());
        child = index < 0 ? null : node.get(index);
      }
      if (child == null) {
        return MissingNode.getInstance();
      }
      node = child;
    }
    return node;
  }

  /**
   * The list position a path element names, as a JSON pointer reads it (digits without a leading
   * zero, within an int), or -1.
   */
  private static int arrayIndex(String element) {
    int n = element.length();
    if (n == 0 || n > 10 || (element.charAt(0) == '0' && n > 1)) {
      return -1;
    }
    for (int i = 0; i < n; i++) {
      char c = element.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
    }
    long index = Long.parseLong(element);
    return index > Integer.MAX_VALUE ? -1 : (int) index;
  }
}
